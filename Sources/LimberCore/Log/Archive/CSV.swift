/// RFC 4180 comma-separated values: quoting on write, and a reader that keeps the line each
/// record starts on (a quoted field may span lines).
enum CSV {
    /// One record and the 1-based line it starts on.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        let special = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard special else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"" }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }

    /// One line: the fields joined by commas, ended by `\n`.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// Every record of a document; blank lines are skipped. Throws `LogError.malformedFile`.
    static func parse(_ text: String) throws -> [Record] {
        var records: [Record] = []
        try forEachRecord(in: text) { records.append($0) }
        return records
    }

    /// Hands each record to `body` as it is read, so a large file is never held as records.
    static func forEachRecord(in text: String, _ body: (Record) throws -> Void) throws {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
            carriageReturn = UInt8(ascii: "\r")
        var index = 0
        var line = 1
        var recordLine = 1
        var fields: [String] = []
        var quotedRecord = false
        while true {
            // One field.
            if index < bytes.count, bytes[index] == quote {
                let quoteLine = line
                quotedRecord = true
                index += 1
                var buffer: [UInt8] = []
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            buffer.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == newline { line += 1 }
                    buffer.append(byte)
                    index += 1
                }
                guard closed else { throw LogError.malformedFile(line: quoteLine, reason: "unterminated quoted field") }
                if index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriageReturn {
                    throw LogError.malformedFile(line: line, reason: "text after a closing quote")
                }
                fields.append(String(decoding: buffer, as: UTF8.self))
            } else {
                let start = index
                while index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriageReturn {
                    if bytes[index] == quote { throw LogError.malformedFile(line: line, reason: "stray quote in a field") }
                    index += 1
                }
                fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            // Then a comma, or the end of the record.
            if index < bytes.count, bytes[index] == comma {
                index += 1
                continue
            }
            if index < bytes.count, bytes[index] == carriageReturn { index += 1 }
            var endedLine = false
            if index < bytes.count, bytes[index] == newline {
                index += 1
                endedLine = true
            }
            if !(fields.count == 1 && fields[0].isEmpty && !quotedRecord) {
                try body(Record(line: recordLine, fields: fields))
            }
            if endedLine { line += 1 }
            recordLine = line
            fields.removeAll(keepingCapacity: true)
            quotedRecord = false
            if index >= bytes.count { return }
        }
    }
}
