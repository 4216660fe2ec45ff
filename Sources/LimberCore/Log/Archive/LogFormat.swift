import Foundation

/// The formats the log exports to and imports from.
package enum LogFormat: String, Sendable, CaseIterable {
    /// One header line, then one record per line with a `type` column.
    case csv
    /// `{"format": "limber-log", "version": 2, "records": [...]}` with one record per line.
    case json

    /// The export version this limber writes and the newest it reads: 2 adds a run's `sport`,
    /// `distance_m` and `file` to its session record (and the `import` source). Version 1 files
    /// read as they always did. A CSV says its version by its header: version 1 has 19 columns,
    /// version 2 adds the three at the end (a header may name any of the columns, in any order).
    package static let version = 2

    /// The oldest export version this limber reads.
    package static let oldestVersion = 1

    /// Guesses the format of a file's text: JSON if it starts with `{`, CSV otherwise.
    package static func detect(_ text: String) -> LogFormat {
        text.first(where: { !$0.isWhitespace }) == "{" ? .json : .csv
    }

    /// Hands each record of a file to `body` with the line it starts on, as it is read; throws
    /// `LogError.malformedFile` at the first problem (records before it have been handed over,
    /// so a caller that writes them does so in a transaction it can roll back).
    static func forEachRecord(in text: String, format: LogFormat, _ body: (_ line: Int, _ record: LogRecord) throws -> Void)
        throws
    {
        switch format {
        case .csv: try forEachCSVRecord(text, body)
        case .json: try forEachJSONRecord(text, body)
        }
    }

    private static func forEachCSVRecord(_ text: String, _ body: (Int, LogRecord) throws -> Void) throws {
        var columns: [String]?
        var headerLine = 1
        try CSV.forEachRecord(in: text) { row in
            guard let columns else {
                let names = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                if let unknown = names.first(where: { !LogRecord.columnSet.contains($0) }) {
                    throw LogError.malformedFile(line: row.line, reason: "unknown column '\(unknown)' in the header")
                }
                if !names.contains("type") {
                    throw LogError.malformedFile(line: row.line, reason: "the header has no 'type' column")
                }
                if Set(names).count != names.count {
                    throw LogError.malformedFile(line: row.line, reason: "a column appears twice in the header")
                }
                columns = names
                headerLine = row.line
                return
            }
            guard row.fields.count == columns.count else {
                throw LogError.malformedFile(
                    line: row.line, reason: "expected \(columns.count) fields, found \(row.fields.count)")
            }
            var fields: [String: String] = [:]
            for (column, value) in zip(columns, row.fields) where !value.isEmpty { fields[column] = value }
            try body(row.line, try LogRecord(fields: fields, line: row.line))
        }
        if columns == nil { throw LogError.malformedFile(line: headerLine, reason: "the file is empty") }
    }

    private static func forEachJSONRecord(_ text: String, _ body: (Int, LogRecord) throws -> Void) throws {
        var headerChecked = false
        /// Checks `format` and `version` once both have been read.
        func checkHeader(_ members: [(key: String, value: LineJSON)], documentLine: Int, final: Bool) throws {
            func member(_ key: String) -> LineJSON? { members.first(where: { $0.key == key })?.value }
            if headerChecked || (!final && (member("format") == nil || member("version") == nil)) { return }
            headerChecked = true
            guard let format = member("format"), format.value == .string("limber-log") else {
                throw LogError.malformedFile(
                    line: member("format")?.line ?? documentLine,
                    reason: "not a limber log export (format must be \"limber-log\")")
            }
            guard let version = member("version"), case .number(let text) = version.value, let number = Int(text) else {
                throw LogError.malformedFile(
                    line: member("version")?.line ?? documentLine, reason: "missing or invalid 'version'")
            }
            if number > LogFormat.version || number < LogFormat.oldestVersion {
                throw LogError.malformedFile(
                    line: version.line,
                    reason:
                        "export version \(number) is not one this limber reads (\(LogFormat.oldestVersion)...\(LogFormat.version))"
                )
            }
        }
        let document = try LineJSON.parse(text, streaming: "records") { element, before in
            try checkHeader(before, documentLine: 1, final: false)
            guard case .object(let pairs) = element.value else {
                throw LogError.malformedFile(line: element.line, reason: "a record must be a JSON object")
            }
            try body(element.line, try record(from: pairs, line: element.line))
        }
        guard case .object(let members) = document.value else {
            throw LogError.malformedFile(
                line: document.line, reason: "expected a JSON object with 'format', 'version' and 'records'")
        }
        try checkHeader(members, documentLine: document.line, final: true)
        guard let list = members.first(where: { $0.key == "records" })?.value, case .array = list.value else {
            throw LogError.malformedFile(
                line: members.first(where: { $0.key == "records" })?.value.line ?? document.line,
                reason: "missing 'records' array")
        }
        if let extra = members.first(where: { !["format", "version", "records"].contains($0.key) }) {
            throw LogError.malformedFile(line: extra.value.line, reason: "unknown key \"\(extra.key)\"")
        }
    }

    /// A record from a JSON object's members.
    private static func record(from pairs: [(key: String, value: LineJSON)], line: Int) throws -> LogRecord {
        let isSession = pairs.contains { $0.key == "type" && $0.value.value == .string("session") }
        var fields: [String: String] = [:]
        for (key, value) in pairs {
            var column = key
            if isSession && key == "uuid" {
                column = "session"
            } else if isSession && key == "session" || !LogRecord.columnSet.contains(key) {
                throw LogError.malformedFile(line: value.line, reason: "unknown field '\(key)'")
            }
            switch value.value {
            case .null: continue
            case .bool(let flag): fields[column] = String(flag)
            case .number(let number): fields[column] = number
            case .string(let string):
                if string.isEmpty {
                    throw LogError.malformedFile(line: value.line, reason: "field '\(key)' is an empty string (leave it out)")
                }
                fields[column] = string
            case .array, .object:
                throw LogError.malformedFile(line: value.line, reason: "field '\(key)' must be a string, number, boolean or null")
            }
        }
        return try LogRecord(fields: fields, line: line)
    }
}
