/// A FIT file header: its size, protocol version and how many bytes of records follow it.
///
/// Layout (little-endian): header size (12 or 14), protocol version, profile version (2 bytes),
/// data size (4 bytes), ".FIT", and in a 14-byte header the CRC of the first 12 bytes (0 = none).
struct FITHeader: Equatable {
    static let signature: [UInt8] = Array(".FIT".utf8)

    /// 12 or 14.
    let size: Int
    let protocolVersion: UInt8
    let profileVersion: UInt16
    /// The bytes of records after the header, before the 2-byte file CRC.
    let dataSize: Int

    /// Reads and checks the header at `offset`, including that the records and the file CRC fit
    /// in the bytes there are (a header claiming gigabytes is refused here, before any is read).
    static func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(RunFileError) -> FITHeader {
        let available = bytes.count - offset
        guard available >= 12 else {
            throw available == 0 ? RunFileError("empty file") : .truncated("\(available) bytes is too short for a FIT header")
        }
        guard (0..<4).allSatisfy({ bytes[offset + 8 + $0] == signature[$0] }) else {
            throw RunFileError("not a FIT file (no .FIT signature)")
        }
        let size = Int(bytes[offset])
        guard size == 12 || size == 14 else {
            throw RunFileError.malformed("header size \(size) is not 12 or 14")
        }
        guard available >= size else { throw .truncated("the \(size)-byte header is incomplete") }
        let version = bytes[offset + 1]
        guard version >> 4 == 1 || version >> 4 == 2 else {
            throw RunFileError.malformed("protocol version \(version >> 4).\(version & 0x0F) is not supported")
        }
        let profile = UInt16(bytes[offset + 2]) | UInt16(bytes[offset + 3]) << 8
        let dataSize32 =
            UInt32(bytes[offset + 4]) | UInt32(bytes[offset + 5]) << 8 | UInt32(bytes[offset + 6]) << 16
            | UInt32(bytes[offset + 7]) << 24
        guard let dataSize = Int(exactly: dataSize32) else { throw .malformed("data size \(dataSize32) is too large") }
        if size == 14 {
            let stored = UInt16(bytes[offset + 12]) | UInt16(bytes[offset + 13]) << 8
            if stored != 0 && stored != FITCRC.compute(bytes, offset..<(offset + 12)) {
                throw RunFileError("the FIT header's CRC does not match (corrupt file)")
            }
        }
        let (withHeader, overflow1) = dataSize.addingReportingOverflow(size)
        let (needed, overflow2) = withHeader.addingReportingOverflow(2)
        guard !overflow1, !overflow2, needed <= available else {
            throw .truncated(
                "the header announces \(dataSize) bytes of records but the file holds \(max(0, available - size - 2))")
        }
        return FITHeader(size: size, protocolVersion: version, profileVersion: profile, dataSize: dataSize)
    }
}
