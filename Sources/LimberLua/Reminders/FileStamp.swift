import Foundation
import LimberCore

/// What a file was when a reminder index was built: its resolved path, kind, size, modification
/// time in nanoseconds and the SHA-256 of its bytes.
///
/// Two stamps are equal only when the file reads the same: an edit that keeps the size and the
/// time still changes the hash, and a path that now resolves elsewhere changes `resolved`.
struct FileStamp: Equatable, Sendable {
    /// What is at the path.
    enum Kind: String, Sendable {
        /// A regular file (after following symbolic links), stamped by its content.
        case file
        /// Nothing, or a link to nothing.
        case missing
        /// A folder (inside a folder plugin).
        case folder
        /// A FIFO, a device, a socket, or a file that cannot be opened: stamped by kind only.
        case other
    }

    /// The path as the loader opens it.
    var path: String
    var kind: Kind
    /// The path with every symbolic link resolved (what grants match).
    var resolved: String?
    /// The text of the link, when `path` itself is a symbolic link.
    var link: String?
    var size: Int64 = 0
    var modified: Int64 = 0
    var sha256: String?

    /// The largest file stamped by content; a larger one makes no stamp (nothing is cached).
    static let maximumSize = 4 << 20

    /// The stamp of the file at `path` now; nil when it is larger than ``maximumSize``.
    static func of(_ path: String) -> FileStamp? {
        var stamp = FileStamp(path: path, kind: .missing)
        var linkInfo = stat()
        guard lstat(path, &linkInfo) == 0 else { return stamp }
        if linkInfo.st_mode & S_IFMT == S_IFLNK {
            stamp.link = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? ""
        }
        if let resolved = realpath(path, nil) {
            stamp.resolved = String(cString: resolved)
            free(resolved)
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            stamp.kind = stamp.resolved == nil ? .missing : .other
            return stamp
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            stamp.kind = .other
            return stamp
        }
        stamp.size = Int64(info.st_size)
        stamp.modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            stamp.kind = .folder
            return stamp
        case S_IFREG:
            break
        default:
            stamp.kind = .other
            return stamp
        }
        guard info.st_size <= maximumSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while it was read stamps what was there; one that grew changes
        // its size or time before the next run compares.
        stamp.kind = .file
        stamp.sha256 = SHA256.hex(bytes.prefix(filled))
        return stamp
    }
}
