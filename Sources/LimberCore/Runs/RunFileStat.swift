import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's kind, size and modification time from one `stat` call (the scan cache's key).
struct RunFileStat: Equatable {
    enum Kind { case file, folder, other }

    let kind: Kind
    let size: Int64
    /// Nanoseconds since 1970.
    let modified: Int64

    /// Follows symbolic links when `follow`; nil when the path does not exist or cannot be read.
    init?(path: String, follow: Bool = true) {
        var info = stat()
        let status = follow ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        default: kind = .other
        }
        size = Int64(info.st_size)
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        modified = Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}

extension RunFileStat {
    /// What an entry that is neither a regular file nor a folder is, in one line: a FIFO, a
    /// device, a symbolic link that loops or leads nowhere or to a folder.
    static func oddity(path: String) -> String {
        var link = stat()
        guard lstat(path, &link) == 0 else { return "cannot read it: \(RunFileStat.describe(errno: errno))" }
        guard link.st_mode & S_IFMT == S_IFLNK else { return "\(name(of: link.st_mode)), not a file" }
        var target = stat()
        guard stat(path, &target) == 0 else {
            let error = errno
            switch error {
            case ELOOP: return "a symbolic link that loops"
            case ENOENT: return "a symbolic link to nothing"
            default: return "cannot read it: \(describe(errno: error))"
            }
        }
        switch target.st_mode & S_IFMT {
        case S_IFDIR: return "a symbolic link to a folder (not followed)"
        case S_IFREG: return "a symbolic link to a file"
        default: return "a symbolic link to \(name(of: target.st_mode)), not a file"
        }
    }

    /// A file type in words: `a FIFO`, `a socket`, `a character device`.
    static func name(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a file"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        default: "an unknown kind of file"
        }
    }

    /// Why a folder cannot be listed, as `opendir` says.
    static func listProblem(_ folder: String) -> String {
        guard let handle = opendir(folder) else { return describe(errno: errno) }
        closedir(handle)
        return "it changed while it was read"
    }

    /// `strerror` in lower case: `permission denied`.
    static func describe(errno error: Int32) -> String {
        let text = String(cString: strerror(error))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
