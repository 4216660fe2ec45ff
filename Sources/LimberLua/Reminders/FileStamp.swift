import Foundation
import LimberCore

/// What a file was when a reminder index was built: its resolved path, kind, size, device and
/// inode, modification and change times in nanoseconds and, while the file is new, the SHA-256
/// of its bytes.
///
/// Two stamps are equal only when the file reads the same. Any write, truncation, `touch -d` or
/// rename over the path moves the change time (`st_ctim`), which no user call can set back, or
/// the inode; a path that now resolves elsewhere changes `resolved`. That leaves the edit made
/// within one tick of a coarse file-system clock after the stamp was taken (as git's "racily
/// clean" files): so a file changed within ``racyWindow`` seconds of now is also stamped by its
/// bytes, and a stamp taken then differs from one taken later, when the hash is gone, so such a
/// file is trusted only once it has aged. Older files are not read at all: hashing every plugin
/// at every `limber remind` was a twentieth of its start.
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
    /// The inode change time, device and inode number (0 for a missing file).
    var changed: Int64 = 0
    var device: UInt64 = 0
    var inode: UInt64 = 0
    /// The bytes' hash, for a file changed within ``racyWindow`` of the stamp.
    var sha256: String?

    /// How close to now (in seconds, either way) a change must be for the bytes to be hashed:
    /// more than the coarsest file-system clock limber may meet (FAT's two seconds).
    static let racyWindow: Int64 = 3

    /// The largest file stamped by content; a larger one makes no stamp (nothing is cached).
    static let maximumSize = 4 << 20

    /// The stamp of the file at `path` now; nil when it is larger than ``maximumSize``. `now` is
    /// the wall clock in seconds since 1970 (the file system's clock, never a command's
    /// `--now`).
    static func of(_ path: String, now: Int64 = Int64(time(nil))) -> FileStamp? {
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
        stamp.take(info)
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
        stamp.kind = .file
        guard stamp.isRacy(now: now) else { return stamp }
        let bytes = DescriptorReader.read(descriptor, upTo: Int(info.st_size))
        // A file that shrank while it was read stamps what was there; one that grew changes
        // its size or time before the next run compares.
        stamp.sha256 = SHA256.hex(bytes)
        return stamp
    }

    /// A stamp by metadata only, following links: kind, resolved path, size, times, device and
    /// inode, never the bytes (for files too large to hash on every run: the binary, the log).
    static func metadata(_ path: String) -> FileStamp {
        var stamp = FileStamp(path: path, kind: .missing)
        var info = stat()
        guard stat(path, &info) == 0 else { return stamp }
        if let resolved = realpath(path, nil) {
            stamp.resolved = String(cString: resolved)
            free(resolved)
        }
        stamp.kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFDIR: .folder
            default: .other
            }
        stamp.take(info)
        return stamp
    }

    /// The stamp's line in a cache file: `file`, then every field (nil as `-`).
    var line: String {
        CacheFile.line([
            "file", path, kind.rawValue, resolved, link, "\(size)", "\(modified)", "\(changed)", "\(device)", "\(inode)",
            sha256,
        ])
    }

    /// Size, times, device and inode from `info`.
    private mutating func take(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// Whether the file changed within ``racyWindow`` seconds of `now` (either way), so that a
    /// later change could leave it with the same stamp on a coarse file-system clock.
    func isRacy(now: Int64) -> Bool {
        guard kind != .missing else { return false }
        let age = now - changed / 1_000_000_000
        return age < Self.racyWindow && age > -Self.racyWindow
    }
}
