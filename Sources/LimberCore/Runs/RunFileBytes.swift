import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the bytes of one activity file whatever is at its path, by construction: the path is
/// opened without blocking (a FIFO cannot hang the import), the opened object must be a regular
/// file (checked on the descriptor, so nothing swapped in after a `stat` slips through), and it is
/// read with `read(2)` up to the end or the limit (never mapped, so a file cut while it is read
/// cannot fault; one that grows is read until the limit and refused past it).
enum RunFileBytes {
    static func read(path: String, limit: Int) throws(RunFileError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw RunFileError("cannot read it: \(RunFileStat.describe(errno: errno))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw RunFileError("cannot read it: \(RunFileStat.describe(errno: errno))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw RunFileError("\(RunFileStat.name(of: info.st_mode)), not a file") }
        let tooLarge = RunFileError("larger than \(limit >> 20) MiB, which no activity file is")
        // The size first, so a huge file is refused without reading any of it.
        guard info.st_size <= limit else { throw tooLarge }
        var data = Data(capacity: Int(clamping: max(0, info.st_size)))
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunk) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw RunFileError("cannot read it: \(RunFileStat.describe(errno: errno))")
            }
            guard data.count + count <= limit else { throw tooLarge }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}

/// `read(2)`, which the static method above would hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}
