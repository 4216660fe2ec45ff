/// The FIT protocol's 16-bit CRC (CRC-16/ARC: reflected polynomial 0xA001, initial value 0).
enum FITCRC {
    /// One entry per byte value, so the CRC costs one lookup per byte.
    private static let table: [UInt16] = (0..<256).map { value in
        var crc = UInt16(value)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1
        }
        return crc
    }

    /// The CRC of `bytes[range]`, continuing from `crc`.
    static func compute(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, crc start: UInt16 = 0) -> UInt16 {
        var crc = start
        table.withUnsafeBufferPointer { table in
            for index in range {
                crc = (crc >> 8) ^ table[Int((crc ^ UInt16(bytes[index])) & 0xFF)]
            }
        }
        return crc
    }
}
