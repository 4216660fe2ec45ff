/// The FIT profile's messages and fields the importer reads, and the base types' sizes and
/// invalid values.
enum FITMessage {
    static let fileID: UInt16 = 0
    static let sport: UInt16 = 12
    static let session: UInt16 = 18
    static let lap: UInt16 = 19
    static let record: UInt16 = 20
    static let activity: UInt16 = 34

    /// The field numbers read per message (253 is every message's timestamp).
    static func wantedFields(_ global: UInt16) -> Set<UInt8> {
        switch global {
        case fileID: [0, 4] // type, time_created
        case sport: [0, 1] // sport, sub_sport
        case session: [2, 5, 6, 7, 9, 253] // start_time, sport, sub_sport, total_elapsed_time, total_distance
        case lap: [2, 7, 9, 25, 39, 253] // start_time, total_elapsed_time, total_distance, sport, sub_sport
        case record: [5] // distance
        default: []
        }
    }

    /// The size of one value of a base type, or nil for a type number the protocol does not define.
    static func size(ofBaseType type: UInt8) -> Int? {
        switch type & 0x1F {
        case 0, 1, 2, 7, 10, 13: 1
        case 3, 4, 11: 2
        case 5, 6, 8, 12: 4
        case 9, 14, 15, 16: 8
        default: nil
        }
    }

    /// The value of an unsigned field, or nil when it holds the base type's invalid value.
    static func unsigned(_ field: FITDefinition.Field, in cursor: FITCursor, at start: Int, bigEndian: Bool) -> UInt64? {
        let value = cursor.unsigned(at: start + field.offset, size: field.size, bigEndian: bigEndian)
        switch field.baseType & 0x1F {
        case 10, 11, 12, 16: return value == 0 ? nil : value // the "z" types: 0 is invalid
        default:
            let allOnes: UInt64 = field.size == 8 ? .max : (1 << UInt64(8 * field.size)) - 1
            return value == allOnes ? nil : value
        }
    }
}
