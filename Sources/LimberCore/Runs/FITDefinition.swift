/// A FIT definition message: the layout of the data messages of one local message type.
///
/// Layout: a reserved byte, the architecture (0 little-endian, 1 big-endian), the global message
/// number (2 bytes, in that architecture), the field count and 3 bytes per field (number, size,
/// base type); with the developer flag, a count and 3 bytes per developer field (number, size,
/// developer data index). Only the fields the importer reads keep their offsets; developer fields
/// count towards the size and are skipped.
struct FITDefinition {
    /// One field the importer reads: where it sits in a data message.
    struct Field {
        let number: UInt8
        let offset: Int
        let size: Int
        let baseType: UInt8
    }

    let globalNumber: UInt16
    let bigEndian: Bool
    /// The bytes of one data message after its header: every field and developer field.
    let size: Int
    /// The fields of interest for this message; empty for messages the importer ignores.
    let fields: [Field]
    /// The offset of a 4-byte timestamp (field 253), which every message may carry.
    let timestampOffset: Int?

    /// Reads a definition whose content starts at `cursor` (after the record header byte).
    static func parse(_ cursor: inout FITCursor, developerFlag: Bool) throws(RunFileError) -> FITDefinition {
        try cursor.need(5, "a definition message")
        cursor.offset += 1
        let architecture = cursor.byte()
        guard architecture <= 1 else { throw .malformed("architecture \(architecture) in a definition is neither 0 nor 1") }
        let bigEndian = architecture == 1
        let low = UInt16(cursor.byte()), high = UInt16(cursor.byte())
        let globalNumber = bigEndian ? low << 8 | high : high << 8 | low
        let count = Int(cursor.byte())
        try cursor.need(3 * count, "the fields of a definition message")
        let wanted = FITMessage.wantedFields(globalNumber)
        var fields: [Field] = []
        var size = 0
        var timestampOffset: Int?
        for _ in 0..<count {
            let number = cursor.byte(), fieldSize = Int(cursor.byte()), baseType = cursor.byte()
            if number == 253 && fieldSize == 4 { timestampOffset = size }
            if wanted.contains(number) && fieldSize == FITMessage.size(ofBaseType: baseType) {
                fields.append(Field(number: number, offset: size, size: fieldSize, baseType: baseType))
            }
            size += fieldSize
        }
        if developerFlag {
            try cursor.need(1, "the developer field count")
            let developerCount = Int(cursor.byte())
            try cursor.need(3 * developerCount, "the developer fields of a definition message")
            for _ in 0..<developerCount {
                cursor.offset += 1
                size += Int(cursor.byte())
                cursor.offset += 1
            }
        }
        return FITDefinition(
            globalNumber: globalNumber, bigEndian: bigEndian, size: size, fields: fields, timestampOffset: timestampOffset)
    }
}
