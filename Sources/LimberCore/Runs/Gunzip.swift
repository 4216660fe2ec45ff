import CZlib
import Foundation

/// Decompresses gzip data with zlib, refusing output beyond a limit (a small file that inflates
/// to gigabytes stops at the limit with an error, having used at most the limit in memory).
enum Gunzip {
    static func decompress(_ input: Data, limit: Int) throws(RunFileError) -> Data {
        var stream = z_stream()
        guard limber_inflate_init(&stream) == Z_OK else { throw RunFileError("cannot start gzip decompression") }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status = Z_OK
        let failure: RunFileError? = input.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> RunFileError? in
            guard let base = source.bindMemory(to: Bytef.self).baseAddress, let count = uInt(exactly: source.count) else {
                return RunFileError("not a gzip file (empty)")
            }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = count
            while status != Z_STREAM_END {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunk - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END:
                    break
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return RunFileError.truncated("the gzip data ends before its end marker")
                case Z_DATA_ERROR:
                    return RunFileError("not a valid gzip file (\(stream.msg.map { String(cString: $0) } ?? "data error"))")
                case Z_MEM_ERROR:
                    return RunFileError("out of memory decompressing")
                default:
                    return RunFileError("not a valid gzip file (zlib status \(status))")
                }
                if output.count + produced > limit {
                    return RunFileError("decompresses to more than \(limit >> 20) MiB, larger than any activity file")
                }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_OK && produced == 0 && stream.avail_in == 0 {
                    return RunFileError.truncated("the gzip data ends before its end marker")
                }
            }
            return nil
        }
        if let failure { throw failure }
        return output
    }
}
