import Foundation

/// Decodes FIT files (the published FIT protocol): headers and CRCs, definition and data
/// messages in either byte order, compressed timestamp headers, developer fields (skipped),
/// and chained files, into a ``FITSummary``.
///
/// Every size read from the file is checked against the bytes that are left before it is used,
/// so a hostile or damaged file is a ``RunFileError``, never a crash or an outsized allocation.
enum FITDecoder {
    /// The FIT epoch, 1989-12-31T00:00:00Z, in seconds since 1970.
    static let epoch: Int64 = 631_065_600
    /// FIT times below this are seconds since the device powered on, not a date.
    static let firstDate: UInt32 = 0x1000_0000

    static func decode(_ data: Data) throws(RunFileError) -> FITSummary {
        let result: Result<FITSummary, RunFileError> = data.withUnsafeBytes { bytes in
            do throws(RunFileError) {
                return .success(try decode(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(RunFileError) -> FITSummary {
        var summary = FITSummary()
        var offset = 0
        repeat {
            let header = try FITHeader.parse(bytes, at: offset)
            let recordsEnd = offset + header.size + header.dataSize
            let stored = UInt16(bytes[recordsEnd]) | UInt16(bytes[recordsEnd + 1]) << 8
            guard FITCRC.compute(bytes, offset..<recordsEnd) == stored else {
                throw RunFileError("the FIT file's CRC does not match (corrupt or incompletely copied)")
            }
            var cursor = FITCursor(bytes: bytes, offset: offset + header.size, end: recordsEnd)
            try decodeRecords(&cursor, into: &summary)
            offset = recordsEnd + 2
            // Chained FIT files follow one another; trailing padding shorter than a header is ignored.
        } while bytes.count - offset >= 12
        return summary
    }

    private static func decodeRecords(_ cursor: inout FITCursor, into summary: inout FITSummary) throws(RunFileError) {
        var definitions = [FITDefinition?](repeating: nil, count: 16)
        var lastTimestamp: UInt32?
        while cursor.remaining > 0 {
            let header = cursor.byte()
            let local: Int
            var timestamp: UInt32?
            if header & 0x80 != 0 {
                // Compressed timestamp header: local type in bits 5-6, seconds offset in bits 0-4.
                local = Int((header >> 5) & 0x03)
                let offset = UInt32(header & 0x1F)
                if let last = lastTimestamp {
                    var time = (last & ~0x1F) + offset
                    if offset < last & 0x1F { time &+= 0x20 }
                    timestamp = time
                    lastTimestamp = time
                }
            } else if header & 0x40 != 0 {
                definitions[Int(header & 0x0F)] = try FITDefinition.parse(&cursor, developerFlag: header & 0x20 != 0)
                continue
            } else {
                local = Int(header & 0x0F)
            }
            guard let definition = definitions[local] else {
                throw RunFileError.malformed(
                    "a data message of local type \(local) at byte \(cursor.offset - 1) has no definition")
            }
            try cursor.need(definition.size, "a data message")
            let start = cursor.offset
            cursor.offset += definition.size
            if let at = definition.timestampOffset {
                let value = UInt32(truncatingIfNeeded: cursor.unsigned(at: start + at, size: 4, bigEndian: definition.bigEndian))
                if value != .max {
                    timestamp = value
                    lastTimestamp = value
                }
            }
            guard !definition.fields.isEmpty || definition.globalNumber == FITMessage.record else { continue }
            try read(definition, in: cursor, at: start, timestamp: timestamp, into: &summary)
        }
    }

    private static func read(
        _ definition: FITDefinition, in cursor: FITCursor, at start: Int, timestamp: UInt32?, into summary: inout FITSummary
    ) throws(RunFileError) {
        func value(_ number: UInt8) -> UInt64? {
            guard let field = definition.fields.first(where: { $0.number == number }) else { return nil }
            return FITMessage.unsigned(field, in: cursor, at: start, bigEndian: definition.bigEndian)
        }
        func date(_ number: UInt8) -> UInt32? {
            value(number).map { UInt32(truncatingIfNeeded: $0) }.flatMap { $0 >= firstDate ? $0 : nil }
        }
        func byte(_ number: UInt8) -> UInt8? { value(number).map { UInt8(truncatingIfNeeded: $0) } }
        let stamp = timestamp.flatMap { $0 >= firstDate ? $0 : nil }
        switch definition.globalNumber {
        case FITMessage.record:
            guard let stamp else { return }
            if summary.firstRecord == nil { summary.firstRecord = stamp }
            summary.lastRecord = max(summary.lastRecord ?? stamp, stamp)
            if let distance = value(5) { summary.recordDistance = max(summary.recordDistance ?? 0, Double(distance) / 100) }
        case FITMessage.fileID:
            if summary.fileType == nil {
                summary.fileType = byte(0)
                summary.timeCreated = date(4)
            }
        case FITMessage.sport:
            summary.sport = byte(0)
            summary.subSport = byte(1)
        case FITMessage.session, FITMessage.lap:
            let isSession = definition.globalNumber == FITMessage.session
            let span = FITSummary.Span(
                start: date(2), end: stamp, elapsed: value(7).map { Double($0) / 1000 },
                distance: value(9).map { Double($0) / 100 }, sport: byte(isSession ? 5 : 25), subSport: byte(isSession ? 6 : 39))
            if isSession {
                guard summary.sessions.count < FITSummary.maximumSessions else {
                    throw RunFileError.malformed("more than \(FITSummary.maximumSessions) session messages")
                }
                summary.sessions.append(span)
            } else {
                summary.lapCount += 1
                var laps = summary.laps
                if let begin = span.start { laps.start = min(laps.start ?? begin, begin) }
                let end = span.end ?? span.start.flatMap { begin in span.elapsed.map { begin &+ UInt32(min($0, 1e9)) } }
                if let end { laps.end = max(laps.end ?? end, end) }
                if let distance = span.distance { laps.distance = (laps.distance ?? 0) + distance }
                if laps.sport == nil { laps.sport = span.sport; laps.subSport = span.subSport }
                summary.laps = laps
            }
        default:
            break
        }
    }
}
