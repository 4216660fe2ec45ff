import Foundation

/// Turns any `Encodable` Swift value into a ``LuaValue``, ready to hand to Lua.
///
/// The mapping:
/// - integers become `.integer` (a `UInt64` above `Int64.max` is an error), floating-point
///   numbers `.number`, `Bool` `.boolean`, `String` `.string`;
/// - structs and other keyed values become tables keyed by their `CodingKeys` raw values, as
///   written (no case conversion: a model that wants `per_side` says so in its keys);
/// - `nil` leaves the key out, since a Lua table cannot hold nil; a nil element of an array is an
///   error, because it would make a hole;
/// - arrays become array tables (keys 1...n), dictionaries with `String` keys become maps and
///   dictionaries with `Int` keys tables with integer keys;
/// - `Date` becomes a `.number` of seconds since 1970-01-01 00:00:00 UTC;
/// - `Data` and ``LuaString`` become `.string` with their bytes unchanged; `URL` its absolute string;
/// - `superEncoder()` writes under the key `super`, as Foundation's coders do.
package struct LuaValueEncoder {
    package init() {}

    /// The Lua value for `value`; an error names the field that could not be encoded.
    package func encode<T: Encodable>(_ value: T) throws(LuaError) -> LuaValue {
        let root = LuaEncodingNode(path: [])
        do {
            try root.store(value)
            return try root.resolved()
        } catch let error as LuaError {
            throw error
        } catch let EncodingError.invalidValue(_, context) {
            throw .conversion(Self.message(context.debugDescription, at: context.codingPath))
        } catch {
            throw .conversion(String(describing: error))
        }
    }

    static func message(_ text: String, at path: [any CodingKey]) -> String {
        path.isEmpty ? text : "field '\(LuaCodingPath.describe(path))': \(text)"
    }
}

/// Dictionaries whose keys are `Int` are written with integer keys, not their decimal strings.
private protocol IntegerKeyedDictionary {}
extension Dictionary: IntegerKeyedDictionary where Key == Int {}

/// One value under construction. Containers hand out nodes before they are filled, so nodes are
/// objects and the tree becomes a ``LuaValue`` only at the end.
final class LuaEncodingNode {
    enum Content {
        case empty
        case value(LuaValue)
        case keyed([LuaKey: LuaEncodingNode])
        case unkeyed([LuaEncodingNode])
    }

    var content: Content = .empty
    let path: [any CodingKey]
    /// Whether keys with an integer value are written as integers (for `[Int: T]`).
    var integerKeys = false

    init(path: [any CodingKey]) { self.path = path }

    /// Fills this node with `value`: plain values directly, everything else through its `encode(to:)`.
    func store<T: Encodable>(_ value: T) throws {
        if let plain = try plainValue(value) {
            content = .value(plain)
            return
        }
        integerKeys = value is any IntegerKeyedDictionary
        do {
            try value.encode(to: LuaValueEncoding(node: self))
        } catch let error as EncodingError {
            throw error
        } catch let error as LuaError {
            throw error
        } catch {
            // A model's own check failed inside encode(to:): keep its words, add the field.
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: String(describing: error), underlyingError: error))
        }
    }

    private func plainValue<T: Encodable>(_ value: T) throws -> LuaValue? {
        switch value {
        case let bool as Bool: return .boolean(bool)
        case let string as String: return .string(LuaString(string))
        case let string as LuaString: return .string(string)
        case let data as Data: return .string(LuaString(bytes: Array(data)))
        case let date as Date: return .number(date.timeIntervalSince1970)
        case let url as URL: return .string(LuaString(url.absoluteString))
        case let integer as any FixedWidthInteger: return .integer(try Self.integer(integer, at: path))
        case let number as any BinaryFloatingPoint: return .number(Double(number))
        default: return nil
        }
    }

    private static func integer<I: FixedWidthInteger>(_ value: I, at path: [any CodingKey]) throws -> Int64 {
        guard let integer = Int64(exactly: value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: path, debugDescription: "\(value) does not fit in a Lua integer"))
        }
        return integer
    }

    /// The key a table uses for `key`.
    func tableKey(_ key: any CodingKey) -> LuaKey {
        if integerKeys, let integer = key.intValue { return .integer(Int64(integer)) }
        return .string(LuaString(key.stringValue))
    }

    /// The keyed child for `key`, replacing whatever was there.
    func child(forKey key: any CodingKey) -> LuaEncodingNode {
        let child = LuaEncodingNode(path: path + [key])
        var entries: [LuaKey: LuaEncodingNode] = [:]
        if case .keyed(let existing) = content { entries = existing }
        entries[tableKey(key)] = child
        content = .keyed(entries)
        return child
    }

    /// A new last element.
    func appendChild() -> LuaEncodingNode {
        var elements: [LuaEncodingNode] = []
        if case .unkeyed(let existing) = content { elements = existing }
        let child = LuaEncodingNode(path: path + [LuaCodingPath.Index(elements.count)])
        elements.append(child)
        content = .unkeyed(elements)
        return child
    }

    func makeKeyed() {
        if case .keyed = content { return }
        content = .keyed([:])
    }

    func makeUnkeyed() {
        if case .unkeyed = content { return }
        content = .unkeyed([])
    }

    var elementCount: Int {
        switch content {
        case .keyed(let entries): entries.count
        case .unkeyed(let elements): elements.count
        case .empty, .value: 0
        }
    }

    /// The finished value. A value that wrote nothing at all is an empty table.
    func resolved() throws -> LuaValue {
        switch content {
        case .empty:
            return .table(LuaTable())
        case .value(let value):
            return value
        case .keyed(let entries):
            var table = LuaTable()
            for (key, child) in entries {
                table[key] = try child.resolved() // nil removes the key
            }
            return .table(table)
        case .unkeyed(let elements):
            var values: [LuaValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                let value = try element.resolved()
                if value.isNil {
                    throw EncodingError.invalidValue(
                        Optional<Int>.none as Any,
                        .init(codingPath: element.path, debugDescription: "a Lua array cannot hold nil"))
                }
                values.append(value)
            }
            return .table(LuaTable(array: values))
        }
    }
}

/// The `Encoder` handed to `encode(to:)`; it writes into one node.
struct LuaValueEncoding: Encoder {
    let node: LuaEncodingNode
    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeKeyed()
        return KeyedEncodingContainer(KeyedLuaEncodingContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeUnkeyed()
        return UnkeyedLuaEncodingContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueLuaEncodingContainer(node: node)
    }
}

struct KeyedLuaEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: LuaEncodingNode
    var codingPath: [any CodingKey] { node.path }

    /// Nil has no place in a table: the key is left out.
    func encodeNil(forKey key: Key) throws {
        node.child(forKey: key).content = .value(.nil)
    }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key).store(value)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key)
        child.makeKeyed()
        return KeyedEncodingContainer(KeyedLuaEncodingContainer<NestedKey>(node: child))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key)
        child.makeUnkeyed()
        return UnkeyedLuaEncodingContainer(node: child)
    }

    func superEncoder() -> any Encoder {
        LuaValueEncoding(node: node.child(forKey: LuaCodingPath.Named("super")))
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        LuaValueEncoding(node: node.child(forKey: key))
    }
}

struct UnkeyedLuaEncodingContainer: UnkeyedEncodingContainer {
    let node: LuaEncodingNode
    var codingPath: [any CodingKey] { node.path }
    var count: Int { node.elementCount }

    func encodeNil() throws {
        let path = node.path + [LuaCodingPath.Index(node.elementCount)]
        throw EncodingError.invalidValue(
            Optional<Int>.none as Any, .init(codingPath: path, debugDescription: "a Lua array cannot hold nil"))
    }

    func encode<T: Encodable>(_ value: T) throws {
        try node.appendChild().store(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.makeKeyed()
        return KeyedEncodingContainer(KeyedLuaEncodingContainer<NestedKey>(node: child))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.makeUnkeyed()
        return UnkeyedLuaEncodingContainer(node: child)
    }

    func superEncoder() -> any Encoder {
        LuaValueEncoding(node: node.appendChild())
    }
}

struct SingleValueLuaEncodingContainer: SingleValueEncodingContainer {
    let node: LuaEncodingNode
    var codingPath: [any CodingKey] { node.path }

    func encodeNil() throws { node.content = .value(.nil) }

    func encode<T: Encodable>(_ value: T) throws { try node.store(value) }
}
