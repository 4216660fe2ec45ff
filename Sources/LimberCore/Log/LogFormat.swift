import Foundation

/// The formats the log exports to and imports from.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One header line, then one record per line with a `type` column.
    case csv
    /// `{"format": "limber-log", "version": 1, "records": [...]}` with one record per line.
    case json

    /// The export version this limber writes and the newest it reads.
    public static let version = 1

    /// Guesses the format of a file's text: JSON if it starts with `{`, CSV otherwise.
    public static func detect(_ text: String) -> LogFormat {
        text.first(where: { !$0.isWhitespace }) == "{" ? .json : .csv
    }

    /// Reads the records of a file with the line each starts on; throws `LogError.malformedFile`.
    static func records(in text: String, format: LogFormat) throws -> [(line: Int, record: LogRecord)] {
        switch format {
        case .csv: return try csvRecords(text)
        case .json: return try jsonRecords(text)
        }
    }

    private static func csvRecords(_ text: String) throws -> [(line: Int, record: LogRecord)] {
        let rows = try CSV.parse(text)
        guard let header = rows.first else { throw LogError.malformedFile(line: 1, reason: "the file is empty") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let unknown = columns.first(where: { !LogRecord.columns.contains($0) }) {
            throw LogError.malformedFile(line: header.line, reason: "unknown column '\(unknown)' in the header")
        }
        if !columns.contains("type") {
            throw LogError.malformedFile(line: header.line, reason: "the header has no 'type' column")
        }
        if Set(columns).count != columns.count {
            throw LogError.malformedFile(line: header.line, reason: "a column appears twice in the header")
        }
        return try rows.dropFirst().map { row in
            guard row.fields.count == columns.count else {
                throw LogError.malformedFile(
                    line: row.line, reason: "expected \(columns.count) fields, found \(row.fields.count)")
            }
            return (row.line, try LogRecord(fields: Dictionary(uniqueKeysWithValues: zip(columns, row.fields)), line: row.line))
        }
    }

    private static func jsonRecords(_ text: String) throws -> [(line: Int, record: LogRecord)] {
        let document = try LineJSON.parse(text)
        guard case .object(let members) = document.value else {
            throw LogError.malformedFile(line: document.line, reason: "expected a JSON object with 'format', 'version' and 'records'")
        }
        func member(_ key: String) -> LineJSON? { members.first(where: { $0.key == key })?.value }
        guard let format = member("format"), format.value == .string("limber-log") else {
            throw LogError.malformedFile(line: member("format")?.line ?? document.line, reason: "not a limber log export (format must be \"limber-log\")")
        }
        guard let version = member("version"), case .number(let text) = version.value, let number = Int(text) else {
            throw LogError.malformedFile(line: member("version")?.line ?? document.line, reason: "missing or invalid 'version'")
        }
        if number > LogFormat.version || number < 1 {
            throw LogError.malformedFile(line: version.line, reason: "export version \(number) is not one this limber reads (1...\(LogFormat.version))")
        }
        guard let list = member("records"), case .array(let elements) = list.value else {
            throw LogError.malformedFile(line: member("records")?.line ?? document.line, reason: "missing 'records' array")
        }
        if let extra = members.first(where: { !["format", "version", "records"].contains($0.key) }) {
            throw LogError.malformedFile(line: extra.value.line, reason: "unknown key \"\(extra.key)\"")
        }
        return try elements.map { element in
            guard case .object(let pairs) = element.value else {
                throw LogError.malformedFile(line: element.line, reason: "a record must be a JSON object")
            }
            let isSession = pairs.contains { $0.key == "type" && $0.value.value == .string("session") }
            var fields: [String: String] = [:]
            for (key, value) in pairs {
                var column = key
                if isSession && key == "uuid" {
                    column = "session"
                } else if isSession && key == "session" || !LogRecord.columns.contains(key) {
                    throw LogError.malformedFile(line: value.line, reason: "unknown field '\(key)'")
                }
                switch value.value {
                case .null: continue
                case .bool(let flag): fields[column] = String(flag)
                case .number(let number): fields[column] = number
                case .string(let string):
                    if string.isEmpty { throw LogError.malformedFile(line: value.line, reason: "field '\(key)' is an empty string (leave it out)") }
                    fields[column] = string
                case .array, .object:
                    throw LogError.malformedFile(line: value.line, reason: "field '\(key)' must be a string, number, boolean or null")
                }
            }
            return (element.line, try LogRecord(fields: fields, line: element.line))
        }
    }
}
