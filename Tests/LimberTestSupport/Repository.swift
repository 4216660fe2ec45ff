import Foundation

/// Paths inside the source tree the tests were built from.
package enum Repository {
    /// The folder that holds `Package.swift`.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder below the root.
    package static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The text of a file below the root, or nil when it does not exist.
    package static func text(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: url(relativePath).path).map { String(decoding: $0, as: UTF8.self) }
    }
}
