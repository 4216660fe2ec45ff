import Foundation
import LimberCore

/// Builds any `Decodable` Swift value from a ``LuaValue``, with errors a plugin author can act on.
///
/// Errors are ``LuaError/conversion(_:)`` and name the field by its dotted path, Lua style
/// (arrays count from 1): `field 'steps[2].hold': expected a number, got boolean`,
/// `missing field 'name'`, `field 'kind': 'stretchy' is not one of static, dynamic`,
/// `unknown field 'holdd' in steps[1] (did you mean 'hold'?)`.
///
/// The mapping, the reverse of ``LuaValueEncoder``:
/// - integer targets take Lua integers and floats with an exact integer value (`2.0`), never
///   `2.5`; `Int8`...`UInt64` are range-checked. Floating-point targets take any number.
/// - `String` takes only Lua strings (valid UTF-8); ``LuaString`` and `Data` take any string bytes.
/// - `Bool` takes only booleans. `Date` takes a number of seconds since 1970-01-01 00:00:00 UTC,
///   up to 9999-12-31 (``CheckedNumber``): NaN, ±inf and times outside that range are errors.
/// - Arrays take only tables whose keys are exactly 1...n: a holey or mixed table is an error,
///   never a truncation. An empty table is an empty array, and also an empty keyed value.
/// - A missing key and a nil value are the same thing (Lua cannot tell them apart).
/// - Enums with raw values that are `CaseIterable` list their allowed values when a value is wrong.
package struct LuaValueDecoder {
    /// Whether a table key that the decoded type never asked for is an error (it usually is a typo).
    package var rejectsUnknownKeys: Bool = true

    package init() {}

    /// Decodes a `T` from `value`; an error names the field, what was expected and what was found.
    package func decode<T: Decodable>(_ type: T.Type, from value: LuaValue) throws(LuaError) -> T {
        do {
            return try LuaDecodingOptions(rejectsUnknownKeys: rejectsUnknownKeys).unbox(type, from: value, at: [])
        } catch {
            throw Self.luaError(from: error)
        }
    }

    /// One line for any error thrown while decoding.
    static func luaError(from error: any Error) -> LuaError {
        switch error {
        case let error as LuaError:
            return error
        case DecodingError.keyNotFound(let key, let context):
            return .conversion("missing field '\(LuaCodingPath.describe(context.codingPath + [key]))'")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return .conversion(message(context.debugDescription, at: context.codingPath))
        default:
            return .conversion(String(describing: error))
        }
    }

    static func message(_ text: String, at path: [any CodingKey]) -> String {
        path.isEmpty ? text : "field '\(LuaCodingPath.describe(path))': \(text)"
    }
}

/// The settings one `decode` call runs with.
struct LuaDecodingOptions {
    var rejectsUnknownKeys: Bool

    /// Decodes one value at `path`: plain values directly, others through `init(from:)`, after
    /// which every table the type read as keyed is checked for keys it never asked for.
    func unbox<T: Decodable>(_ type: T.Type, from value: LuaValue, at path: [any CodingKey]) throws -> T {
        if let plain = try LuaPlainDecoding.decode(type, from: value, at: path) { return plain }
        let tracker = LuaKeyTracker()
        let decoder = LuaValueDecoding(value: value, codingPath: path, options: self, tracker: tracker)
        let result: T
        do {
            result = try T(from: decoder)
        } catch let error as LuaError {
            throw error
        } catch let error as DecodingError {
            throw Self.explained(error, decoding: type, from: value, at: path)
        } catch {
            // A model's own check failed inside init(from:): keep its words, add the field.
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: String(describing: error), underlyingError: error))
        }
        if rejectsUnknownKeys { try tracker.check() }
        return result
    }

    /// Rewrites an enum's own complaint about a bad raw value into one that lists the allowed ones.
    private static func explained<T>(
        _ error: DecodingError, decoding type: T.Type, from value: LuaValue, at path: [any CodingKey]
    ) -> DecodingError {
        guard let allowed = allowedValues(of: type) else { return error }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.count == path.count:
            return .dataCorrupted(
                .init(codingPath: path, debugDescription: "\(LuaCodingPath.quoted(value)) is not one of \(allowed)"))
        case .typeMismatch(let mismatched, let context) where context.codingPath.count == path.count:
            return .typeMismatch(
                mismatched,
                .init(codingPath: path, debugDescription: "expected one of \(allowed), got \(LuaCodingPath.describe(value))"))
        default:
            return error
        }
    }

    /// `static, dynamic` for a `CaseIterable` enum with raw values; nil for anything else.
    private static func allowedValues<T>(of type: T.Type) -> String? {
        guard let enumeration = type as? any (CaseIterable & RawRepresentable).Type else { return nil }
        return rawValues(of: enumeration).joined(separator: ", ")
    }

    private static func rawValues<E: CaseIterable & RawRepresentable>(of type: E.Type) -> [String] {
        type.allCases.map { "\($0.rawValue)" }
    }
}

/// The values that map straight onto a Lua value, without a container.
enum LuaPlainDecoding {
    /// `type` decoded from `value`, or nil when `type` is not a plain type.
    static func decode<T>(_ type: T.Type, from value: LuaValue, at path: [any CodingKey]) throws -> T? {
        if type == Bool.self { return try bool(from: value, at: path) as? T }
        if type == String.self { return try string(from: value, at: path) as? T }
        if type == LuaString.self { return try bytes(from: value, at: path) as? T }
        if type == Data.self { return Data(try bytes(from: value, at: path).bytes) as? T }
        if type == Date.self { return try date(from: value, at: path) as? T }
        if type == URL.self { return try url(from: value, at: path) as? T }
        // The standard library's number types by identity: a cast to `any FixedWidthInteger.Type`
        // asks the runtime for a conformance, which for every other type decoded (each model
        // struct) is a miss that scans every conformance record in the binary (about 7,000),
        // twice per type, at every start.
        if type == Int.self { return try integer(Int.self, from: value, at: path) as? T }
        if type == Double.self { return try number(Double.self, from: value, at: path) as? T }
        if type == Int64.self { return try integer(Int64.self, from: value, at: path) as? T }
        if type == Int32.self { return try integer(Int32.self, from: value, at: path) as? T }
        if type == Int16.self { return try integer(Int16.self, from: value, at: path) as? T }
        if type == Int8.self { return try integer(Int8.self, from: value, at: path) as? T }
        if type == UInt.self { return try integer(UInt.self, from: value, at: path) as? T }
        if type == UInt64.self { return try integer(UInt64.self, from: value, at: path) as? T }
        if type == UInt32.self { return try integer(UInt32.self, from: value, at: path) as? T }
        if type == UInt16.self { return try integer(UInt16.self, from: value, at: path) as? T }
        if type == UInt8.self { return try integer(UInt8.self, from: value, at: path) as? T }
        if type == Float.self { return try number(Float.self, from: value, at: path) as? T }
        return nil
    }

    static func mismatch(_ type: Any.Type, _ expected: String, _ value: LuaValue, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(
            type, .init(codingPath: path, debugDescription: "expected \(expected), got \(LuaCodingPath.describe(value))"))
    }

    static func bool(from value: LuaValue, at path: [any CodingKey]) throws -> Bool {
        guard case .boolean(let bool) = value else { throw mismatch(Bool.self, "a boolean", value, path) }
        return bool
    }

    static func bytes(from value: LuaValue, at path: [any CodingKey]) throws -> LuaString {
        guard case .string(let string) = value else { throw mismatch(LuaString.self, "a string", value, path) }
        return string
    }

    static func string(from value: LuaValue, at path: [any CodingKey]) throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self, "a string", value, path) }
        guard let text = string.utf8String else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "expected UTF-8 text, got a string with invalid UTF-8 bytes"))
        }
        return text
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, from value: LuaValue, at path: [any CodingKey]) throws -> I {
        let integer: Int64
        switch value {
        case .integer(let exact): integer = exact
        case .number(let number):
            guard let exact = Int64(exactly: number) else { throw mismatch(type, "an integer", value, path) }
            integer = exact
        default:
            throw mismatch(type, "an integer", value, path)
        }
        guard let result = I(exactly: integer) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "expected an integer from \(I.min) to \(I.max), got \(integer)"))
        }
        return result
    }

    static func number<F: BinaryFloatingPoint>(_ type: F.Type, from value: LuaValue, at path: [any CodingKey]) throws -> F {
        switch value {
        case .integer(let integer): return F(integer)
        case .number(let number): return F(number)
        default: throw mismatch(type, "a number", value, path)
        }
    }

    static func date(from value: LuaValue, at path: [any CodingKey]) throws -> Date {
        guard let seconds = value.doubleValue else {
            throw mismatch(Date.self, "a number of seconds since 1970", value, path)
        }
        do {
            // A Lua integer is checked as one, so the error shows it exactly.
            if case .integer(let stamp) = value {
                return try CheckedNumber.date(stamp: stamp, field: LuaCodingPath.describe(path))
            }
            return try CheckedNumber.date(seconds: seconds, field: LuaCodingPath.describe(path))
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: error.reason))
        }
    }

    static func url(from value: LuaValue, at path: [any CodingKey]) throws -> URL {
        let text = try string(from: value, at: path)
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "expected a URL, got \(LuaCodingPath.describe(value))"))
        }
        return url
    }
}

/// The tables that one `init(from:)` read as keyed, with the keys it asked about, so that keys
/// it never asked about can be reported once it returns.
final class LuaKeyTracker {
    final class Scope {
        let table: LuaTable
        let path: [any CodingKey]
        var used: Set<LuaKey> = []

        init(table: LuaTable, path: [any CodingKey]) {
            self.table = table
            self.path = path
        }

        func use(_ key: any CodingKey) {
            used.insert(.string(LuaString(key.stringValue)))
            if let integer = key.intValue { used.insert(.integer(Int64(integer))) }
        }
    }

    private var scopes: [Scope] = []

    /// The scope for the table at `path`; two containers over the same table share one.
    func scope(for table: LuaTable, at path: [any CodingKey]) -> Scope {
        let name = LuaCodingPath.describe(path)
        if let existing = scopes.first(where: { LuaCodingPath.describe($0.path) == name }) { return existing }
        let scope = Scope(table: table, path: path)
        scopes.append(scope)
        return scope
    }

    /// Throws for the first key (in key order) of any scope that nobody asked about.
    func check() throws(LuaError) {
        for scope in scopes {
            guard let unknown = scope.table.entries.keys.filter({ !scope.used.contains($0) }).min() else { continue }
            let known = scope.used.compactMap { key -> String? in
                if case .string(let name) = key { return name.description }
                return nil
            }
            var suggestion: String?
            if case .string(let name) = unknown {
                suggestion = LuaCodingPath.suggestion(for: name.description, among: known)
            }
            throw Self.unknownKey(unknown.description, at: scope.path, suggestion: suggestion)
        }
    }

    /// `unknown field 'holdd' in steps[1] (did you mean 'hold'?)`.
    static func unknownKey(_ key: String, at path: [any CodingKey], suggestion: String?) -> LuaError {
        var message = "unknown field '\(key)'"
        let place = LuaCodingPath.describe(path)
        if !place.isEmpty { message += " in \(place)" }
        if let suggestion { message += " (did you mean '\(suggestion)'?)" }
        return .conversion(message)
    }
}

/// The `Decoder` handed to `init(from:)`; it reads one value.
struct LuaValueDecoding: Decoder {
    let value: LuaValue
    let codingPath: [any CodingKey]
    let options: LuaDecodingOptions
    let tracker: LuaKeyTracker
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .table(let table) = value else {
            throw LuaPlainDecoding.mismatch([String: Any].self, "a table", value, codingPath)
        }
        return KeyedDecodingContainer(
            KeyedLuaDecodingContainer<Key>(table: table, codingPath: codingPath, options: options, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedLuaDecodingContainer(value: value, codingPath: codingPath, options: options, tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueLuaDecodingContainer(value: value, codingPath: codingPath, options: options)
    }
}

struct KeyedLuaDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let table: LuaTable
    let codingPath: [any CodingKey]
    let options: LuaDecodingOptions
    let tracker: LuaKeyTracker
    let scope: LuaKeyTracker.Scope

    init(table: LuaTable, codingPath: [any CodingKey], options: LuaDecodingOptions, tracker: LuaKeyTracker) {
        self.table = table
        self.codingPath = codingPath
        self.options = options
        self.tracker = tracker
        scope = tracker.scope(for: table, at: codingPath)
    }

    /// Every key that `Key` can spell; integer keys are offered as integers, then as their digits.
    var allKeys: [Key] {
        let keys = table.entries.keys.sorted().compactMap { key -> Key? in
            switch key {
            case .string(let name): Key(stringValue: name.description)
            case .integer(let integer):
                Int(exactly: integer).flatMap { Key(intValue: $0) } ?? Key(stringValue: String(integer))
            case .number, .boolean: nil
            }
        }
        for key in keys { scope.use(key) }
        return keys
    }

    /// The value under `key` (a string key, or an integer key for integer coding keys), nil if absent.
    private func lookup(_ key: Key) -> LuaValue? {
        scope.use(key)
        let named = table[key.stringValue]
        if !named.isNil { return named }
        if let integer = key.intValue {
            let numbered = table[.integer(Int64(integer))]
            if !numbered.isNil { return numbered }
        }
        return nil
    }

    /// The value under `key`; when it is missing but a key the type does not know is a near
    /// spelling of it, the typo is the error (`holdd` for `hold`), since that is what to fix.
    private func require(_ key: Key) throws -> LuaValue {
        if let value = lookup(key) { return value }
        if options.rejectsUnknownKeys {
            let strays = table.entries.keys.compactMap { tableKey -> String? in
                guard case .string(let name) = tableKey, !scope.used.contains(tableKey),
                    Key(stringValue: name.description) == nil
                else { return nil }
                return name.description
            }
            for stray in strays.sorted()
            where LuaCodingPath.suggestion(for: stray, among: [key.stringValue]) != nil {
                throw LuaKeyTracker.unknownKey(stray, at: codingPath, suggestion: key.stringValue)
            }
        }
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { lookup(key) == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try options.unbox(type, from: try require(key), at: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookup(key) else { return nil }
        return try options.unbox(type, from: value, at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let decoder = LuaValueDecoding(
            value: try require(key), codingPath: codingPath + [key], options: options, tracker: tracker)
        return try decoder.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try UnkeyedLuaDecodingContainer(
            value: try require(key), codingPath: codingPath + [key], options: options, tracker: tracker)
    }

    func superDecoder() throws -> any Decoder {
        let key = LuaCodingPath.Named("super")
        scope.use(key)
        return LuaValueDecoding(
            value: table["super"], codingPath: codingPath + [key], options: options, tracker: tracker)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        LuaValueDecoding(value: lookup(key) ?? .nil, codingPath: codingPath + [key], options: options, tracker: tracker)
    }
}

struct UnkeyedLuaDecodingContainer: UnkeyedDecodingContainer {
    let elements: [LuaValue]
    let codingPath: [any CodingKey]
    let options: LuaDecodingOptions
    let tracker: LuaKeyTracker
    private(set) var currentIndex = 0

    /// Only a table with keys exactly 1...n is an array.
    init(value: LuaValue, codingPath: [any CodingKey], options: LuaDecodingOptions, tracker: LuaKeyTracker) throws {
        guard case .table(let table) = value else {
            throw LuaPlainDecoding.mismatch([Any].self, "an array", value, codingPath)
        }
        do {
            elements = try table.array()
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: error.message))
        }
        self.codingPath = codingPath
        self.options = options
        self.tracker = tracker
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var elementPath: [any CodingKey] { codingPath + [LuaCodingPath.Index(currentIndex)] }

    private func next(_ type: Any.Type) throws -> LuaValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(codingPath: elementPath, debugDescription: "expected a value, but the array has only \(elements.count)"))
        }
        return elements[currentIndex]
    }

    /// Lua arrays hold no nils, so an element is never nil.
    func decodeNil() throws -> Bool {
        _ = try next(Any.self)
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let result = try options.unbox(type, from: try next(type), at: elementPath)
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey>
    {
        let decoder = LuaValueDecoding(
            value: try next([String: Any].self), codingPath: elementPath, options: options, tracker: tracker)
        let container = try decoder.container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try UnkeyedLuaDecodingContainer(
            value: try next([Any].self), codingPath: elementPath, options: options, tracker: tracker)
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = LuaValueDecoding(value: try next(Any.self), codingPath: elementPath, options: options, tracker: tracker)
        currentIndex += 1
        return decoder
    }
}

struct SingleValueLuaDecodingContainer: SingleValueDecodingContainer {
    let value: LuaValue
    let codingPath: [any CodingKey]
    let options: LuaDecodingOptions

    func decodeNil() -> Bool { value.isNil }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try options.unbox(type, from: value, at: codingPath)
    }
}
