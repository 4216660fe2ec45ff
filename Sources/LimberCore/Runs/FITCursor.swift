/// A position in the bytes of a FIT file's records, which never reads past `end`.
struct FITCursor {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    /// One past the last byte of the records (the file CRC is not part of them).
    let end: Int

    var remaining: Int { end - offset }

    /// Fails unless `count` more bytes are there.
    func need(_ count: Int, _ what: @autoclosure () -> String) throws(RunFileError) {
        if count > remaining {
            throw RunFileError.truncated("\(what()) at byte \(offset) needs \(count) bytes, \(remaining) are left")
        }
    }

    /// The next byte; the caller checked with `need`.
    mutating func byte() -> UInt8 {
        let value = bytes[offset]
        offset += 1
        return value
    }

    /// An unsigned integer of `size` bytes (1, 2, 4 or 8) at `position`, in the given byte order.
    func unsigned(at position: Int, size: Int, bigEndian: Bool) -> UInt64 {
        var value: UInt64 = 0
        if bigEndian {
            for index in 0..<size { value = value << 8 | UInt64(bytes[position + index]) }
        } else {
            for index in stride(from: size - 1, through: 0, by: -1) { value = value << 8 | UInt64(bytes[position + index]) }
        }
        return value
    }
}
