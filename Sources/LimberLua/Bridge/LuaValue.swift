/// A Lua value on the Swift side of the bridge.
///
/// Plain data (nil, booleans, numbers, strings, tables) is copied across; functions, Swift
/// objects and other Lua values are held by reference. Lua integers are `Int64` and other
/// numbers `Double`, never mixed up.
package enum LuaValue {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    case function(LuaFunction)
    /// A Swift object exposed to Lua as userdata.
    case object(LuaObject)
    /// Any other Lua value (coroutine, foreign userdata), kept alive by a registry reference.
    case opaque(LuaRef)

    /// A string value from text.
    package static func string(_ text: String) -> LuaValue { .string(LuaString(text)) }

    /// The Lua type name, as `type()` would say it.
    package var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .object: "userdata"
        case .opaque(let ref): ref.typeName
        }
    }

    package var isNil: Bool { if case .nil = self { true } else { false } }

    /// The text of a string value.
    package var stringValue: String? {
        if case .string(let s) = self { return s.description }
        return nil
    }

    /// An integer, or a float with an exact integer value (as Lua's `math.tointeger`).
    package var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d): return Int64(exactly: d)
        default: return nil
        }
    }

    /// Any number as a Double.
    package var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    package var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }
}

// Not ExpressibleByNilLiteral on purpose: `nil` must stay Optional's, or `x = cond ? nil : v`
// silently stores a Lua nil where a removal was meant.
extension LuaValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    package init(booleanLiteral value: Bool) { self = .boolean(value) }
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(floatLiteral value: Double) { self = .number(value) }
    package init(stringLiteral value: String) { self = .string(LuaString(value)) }
    package init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
    package init(dictionaryLiteral elements: (String, LuaValue)...) {
        var table = LuaTable()
        for (key, value) in elements { table[key] = value }
        self = .table(table)
    }
}

extension LuaValue: Equatable {
    /// Data compares by value; functions, objects and references by identity.
    package static func == (lhs: LuaValue, rhs: LuaValue) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): true
        case (.boolean(let a), .boolean(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Double(a) == b
        case (.string(let a), .string(let b)): a == b
        case (.table(let a), .table(let b)): a == b
        case (.function(let a), .function(let b)): a == b
        case (.object(let a), .object(let b)): a === b
        case (.opaque(let a), .opaque(let b)): a === b
        default: false
        }
    }
}

/// A function value: one that lives in Lua, or one written in Swift.
package enum LuaFunction: Equatable {
    case lua(LuaRef)
    case host(HostFunction)

    package static func == (lhs: LuaFunction, rhs: LuaFunction) -> Bool {
        switch (lhs, rhs) {
        case (.lua(let a), .lua(let b)): a === b
        case (.host(let a), .host(let b)): a === b
        default: false
        }
    }
}
