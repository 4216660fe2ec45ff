/// Plain Lua values (nil, booleans, numbers, strings, tables of them) written as space-separated
/// words, for a cache file's line: `nil`, `true`, `false`, `i42`, `n` and a double's bits in
/// hexadecimal, `s` and the string's bytes escaped (``CacheFile/escape(bytes:)``), and `t3`
/// followed by three key and value pairs. Reading gives back the same value, bit for bit.
enum LuaValueWords {
    /// Tables nest at most this deep; a deeper value is not written, and a file holding one is
    /// not read.
    static let maximumDepth = 16

    /// The words of `value`; nil when it holds a function, a userdata or another value that only
    /// lives in a Lua state, or nests too deep.
    static func encode(_ value: LuaValue) -> [UInt8]? {
        var bytes: [UInt8] = []
        guard encode(value, into: &bytes, depth: 0) else { return nil }
        return bytes
    }

    private static func encode(_ value: LuaValue, into bytes: inout [UInt8], depth: Int) -> Bool {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
        switch value {
        case .nil: bytes += Array("nil".utf8)
        case .boolean(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .integer(let integer): bytes += Array("i\(integer)".utf8)
        case .number(let number): bytes += Array("n\(String(number.bitPattern, radix: 16))".utf8)
        case .string(let string):
            bytes.append(UInt8(ascii: "s"))
            bytes += CacheFile.escape(bytes: string.bytes)
        case .table(let table):
            guard depth < maximumDepth else { return false }
            bytes += Array("t\(table.count)".utf8)
            for (key, item) in table.entries {
                guard encode(key.value, into: &bytes, depth: depth + 1), encode(item, into: &bytes, depth: depth + 1) else {
                    return false
                }
            }
        case .function, .object, .opaque:
            return false
        }
        return true
    }

    /// The value the words hold, if they are exactly one value as ``encode(_:)`` writes it.
    static func decode(_ words: ArraySlice<ArraySlice<UInt8>>) -> LuaValue? {
        var rest = words
        guard let value = decode(&rest, depth: 0), rest.isEmpty else { return nil }
        return value
    }

    private static func decode(_ words: inout ArraySlice<ArraySlice<UInt8>>, depth: Int) -> LuaValue? {
        guard let word = words.popFirst(), let tag = word.first else { return nil }
        if word.elementsEqual("nil".utf8) { return .nil }
        if word.elementsEqual("true".utf8) { return .boolean(true) }
        if word.elementsEqual("false".utf8) { return .boolean(false) }
        let rest = word.dropFirst()
        switch tag {
        case UInt8(ascii: "s"):
            return .string(LuaString(bytes: CacheFile.unescape(bytes: rest)))
        case UInt8(ascii: "i"):
            return Int64(String(decoding: rest, as: UTF8.self)).map(LuaValue.integer)
        case UInt8(ascii: "n"):
            return UInt64(String(decoding: rest, as: UTF8.self), radix: 16).map { .number(Double(bitPattern: $0)) }
        case UInt8(ascii: "t"):
            guard depth < maximumDepth, let count = Int(String(decoding: rest, as: UTF8.self)), count >= 0,
                count <= words.count / 2
            else { return nil }
            var entries: [LuaKey: LuaValue] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let keyValue = decode(&words, depth: depth + 1), let key = tableKey(keyValue),
                    let item = decode(&words, depth: depth + 1), !item.isNil, entries[key] == nil
                else { return nil }
                entries[key] = item
            }
            return .table(LuaTable(entries: entries))
        default:
            return nil
        }
    }

    /// A value as a table key: nil and NaN are none.
    private static func tableKey(_ value: LuaValue) -> LuaKey? {
        switch value {
        case .integer(let integer): .integer(integer)
        case .number(let number): number.isNaN ? nil : .number(number)
        case .string(let string): .string(string)
        case .boolean(let flag): .boolean(flag)
        default: nil
        }
    }
}
