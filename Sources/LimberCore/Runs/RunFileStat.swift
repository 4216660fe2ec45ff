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
