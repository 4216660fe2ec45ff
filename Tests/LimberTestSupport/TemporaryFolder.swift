import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A scratch folder that is removed when the last reference to it goes.
package final class TemporaryFolder: @unchecked Sendable {
    package let url: URL

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("limber-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to a file below the folder, creating folders on the way.
    @discardableResult
    package func write(_ relativePath: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // O_CLOEXEC: a process another test forks meanwhile must not inherit the descriptor, or
        // running this file as a script fails with "text file busy".
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path]) }
            written += count
        }
        return file
    }

    /// Writes an executable shell script (`#!/bin/sh`, then `body`) below the folder: a stand-in
    /// for a command that a test puts first on `PATH` (see ``commandPath``).
    @discardableResult
    package func writeScript(_ relativePath: String, _ body: String) throws -> URL {
        let file = try write(relativePath, "#!/bin/sh\n" + body)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }

    /// A `PATH` that finds the scripts of this folder first, then the system's commands.
    package var commandPath: String { url.path + ":/usr/bin:/bin" }

    /// The path of a file below the folder.
    package func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
