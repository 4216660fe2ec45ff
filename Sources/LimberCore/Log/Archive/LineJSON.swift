/// A small JSON reader that remembers the line of every value, so an import can say
/// "line 12: ..." about a bad record however the file is laid out.
package struct LineJSON: Equatable {
    enum Value: Equatable {
        case null
        case bool(Bool)
        /// The number's text, as written.
        case number(String)
        case string(String)
        case array([LineJSON])
        /// Members in file order.
        case object([(key: String, value: LineJSON)])

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): return true
            case (.bool(let a), .bool(let b)): return a == b
            case (.number(let a), .number(let b)): return a == b
            case (.string(let a), .string(let b)): return a == b
            case (.array(let a), .array(let b)): return a == b
            case (.object(let a), .object(let b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }
    }

    var value: Value
    /// The 1-based line where the value starts.
    var line: Int

    /// Parses a whole document; throws `LogError.malformedFile` with the line of the problem.
    static func parse(_ text: String) throws -> LineJSON {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        if parser.index < parser.bytes.count {
            throw parser.failure("unexpected text after the end of the JSON document")
        }
        return value
    }

    /// Parses a document whose top level is an object, handing each element of its array member
    /// `key` to `each` (with the members read before it) instead of keeping it; that member reads
    /// back as an empty array. A large export is never held whole.
    static func parse(
        _ text: String, streaming key: String,
        each: (_ element: LineJSON, _ before: [(key: String, value: LineJSON)]) throws -> Void
    ) throws -> LineJSON {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "{") else {
            return try parse(text)
        }
        let start = parser.line
        parser.index += 1
        var members: [(key: String, value: LineJSON)] = []
        parser.skipSpace()
        if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            while true {
                parser.skipSpace()
                guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                    throw parser.failure("expected a quoted key")
                }
                let name = try parser.parseString()
                parser.skipSpace()
                guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                    throw parser.failure("expected ':' after key \"\(name)\"")
                }
                parser.index += 1
                parser.skipSpace()
                if members.contains(where: { $0.key == name }) { throw parser.failure("duplicate key \"\(name)\"") }
                if name == key, parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "[") {
                    let arrayLine = parser.line
                    try parser.parseArray(depth: 1) { try each($0, members) }
                    members.append((name, LineJSON(value: .array([]), line: arrayLine)))
                } else {
                    members.append((name, try parser.parseValue(depth: 1)))
                }
                parser.skipSpace()
                guard parser.index < parser.bytes.count else { throw parser.failure("unterminated object") }
                if parser.bytes[parser.index] == UInt8(ascii: ",") { parser.index += 1; continue }
                if parser.bytes[parser.index] == UInt8(ascii: "}") { parser.index += 1; break }
                throw parser.failure("expected ',' or '}' in object")
            }
        }
        parser.skipSpace()
        if parser.index < parser.bytes.count {
            throw parser.failure("unexpected text after the end of the JSON document")
        }
        return LineJSON(value: .object(members), line: start)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        func failure(_ reason: String) -> LogError {
            .malformedFile(line: line, reason: reason)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"): line += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default: return
                }
                index += 1
            }
        }

        mutating func expect(_ literal: String) throws {
            for byte in literal.utf8 {
                guard index < bytes.count, bytes[index] == byte else {
                    throw failure("invalid JSON literal, expected '\(literal)'")
                }
                index += 1
            }
        }

        mutating func parseValue(depth: Int) throws -> LineJSON {
            guard depth < 64 else { throw failure("JSON nested too deeply") }
            guard index < bytes.count else { throw failure("unexpected end of the JSON document") }
            let start = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: LineJSON)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return LineJSON(value: .object(members), line: start)
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                    let key = try parseString()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw failure("expected ':' after key \"\(key)\"")
                    }
                    index += 1
                    skipSpace()
                    if members.contains(where: { $0.key == key }) { throw failure("duplicate key \"\(key)\"") }
                    members.append((key, try parseValue(depth: depth + 1)))
                    skipSpace()
                    guard index < bytes.count else { throw failure("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                    throw failure("expected ',' or '}' in object")
                }
                return LineJSON(value: .object(members), line: start)
            case UInt8(ascii: "["):
                var elements: [LineJSON] = []
                try parseArray(depth: depth) { elements.append($0) }
                return LineJSON(value: .array(elements), line: start)
            case UInt8(ascii: "\""):
                return LineJSON(value: .string(try parseString()), line: start)
            case UInt8(ascii: "t"):
                try expect("true")
                return LineJSON(value: .bool(true), line: start)
            case UInt8(ascii: "f"):
                try expect("false")
                return LineJSON(value: .bool(false), line: start)
            case UInt8(ascii: "n"):
                try expect("null")
                return LineJSON(value: .null, line: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return LineJSON(value: .number(try parseNumber()), line: start)
            default:
                throw failure("unexpected character in JSON")
            }
        }

        /// Parses an array at `index`, handing each element to `each` as it is read.
        mutating func parseArray(depth: Int, _ each: (LineJSON) throws -> Void) throws {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipSpace()
                try each(try parseValue(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw failure("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                throw failure("expected ',' or ']' in array")
            }
        }

        mutating func parseNumber() throws -> String {
            let start = index
            func digits() -> Int {
                let from = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - from
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let integerStart = index
            let integerDigits = digits()
            guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
                throw failure("invalid number")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("invalid number") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw failure("invalid number") }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A string at `index`. Bytes between escapes are copied as they are and decoded once at
        /// the end (invalid UTF-8 becomes U+FFFD, as `String(decoding:)` repairs it); a string with
        /// no escape, as nearly every one in an export is, is decoded straight from the file's bytes.
        mutating func parseString() throws -> String {
            index += 1 // the opening quote
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: bytes[start..<index - 1], as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            var text = Array(bytes[start..<index])
            while true {
                guard index < bytes.count else { throw failure("unterminated string") }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw failure("unterminated string") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try parseHex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else {
                                throw failure("unpaired surrogate in string")
                            }
                            index += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in string") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape in string") }
                        text.append(contentsOf: String(scalar).utf8)
                    default:
                        throw failure("invalid escape in string")
                    }
                case 0x00..<0x20:
                    throw failure("control character in string")
                default:
                    text.append(byte)
                }
            }
        }

        mutating func parseHex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw failure("invalid \\u escape in string") }
            var code: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw failure("invalid \\u escape in string")
                }
                code = code * 16 + digit
            }
            index += 4
            return code
        }
    }

    /// Writes `text` as a JSON string literal (control characters and U+2028/9 escaped).
    package static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
