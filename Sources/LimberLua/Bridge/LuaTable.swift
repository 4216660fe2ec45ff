/// A table key: Lua allows any value but nil and NaN; limber's bridge carries these.
package enum LuaKey: Hashable, Comparable, CustomStringConvertible {
    case integer(Int64)
    case string(LuaString)
    case number(Double)
    case boolean(Bool)

    package var description: String {
        switch self {
        case .integer(let i): String(i)
        case .string(let s): s.description
        case .number(let d): String(d)
        case .boolean(let b): String(b)
        }
    }

    package var value: LuaValue {
        switch self {
        case .integer(let i): .integer(i)
        case .string(let s): .string(s)
        case .number(let d): .number(d)
        case .boolean(let b): .boolean(b)
        }
    }

    /// Numbers first (by value), then strings (by bytes), then booleans.
    package static func < (lhs: LuaKey, rhs: LuaKey) -> Bool {
        func rank(_ key: LuaKey) -> Int {
            switch key {
            case .integer, .number: 0
            case .string: 1
            case .boolean: 2
            }
        }
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a.bytes.lexicographicallyPrecedes(b.bytes)
        case (.boolean(let a), .boolean(let b)): return !a && b
        default:
            if rank(lhs) != rank(rhs) { return rank(lhs) < rank(rhs) }
            return (lhs.value.doubleValue ?? 0) < (rhs.value.doubleValue ?? 0)
        }
    }
}

/// A Lua table copied into Swift. It becomes an array only when its keys are exactly 1...n.
package struct LuaTable: Equatable {
    package private(set) var entries: [LuaKey: LuaValue]

    package init() { entries = [:] }

    package init(array: [LuaValue]) {
        entries = [:]
        for (offset, value) in array.enumerated() where !value.isNil {
            entries[.integer(Int64(offset + 1))] = value
        }
    }

    package init(entries: [LuaKey: LuaValue]) {
        self.entries = entries.filter { !$0.value.isNil }
    }

    package var isEmpty: Bool { entries.isEmpty }
    package var count: Int { entries.count }

    package subscript(key: LuaKey) -> LuaValue {
        get { entries[key] ?? .nil }
        set {
            if newValue.isNil {
                entries.removeValue(forKey: key)
            } else {
                entries[key] = newValue
            }
        }
    }

    package subscript(key: String) -> LuaValue {
        get { self[.string(LuaString(key))] }
        set { self[.string(LuaString(key))] = newValue }
    }

    /// Entries sorted by key, for stable output.
    package var sortedEntries: [(key: LuaKey, value: LuaValue)] {
        entries.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// Whether the keys are exactly 1...n (an empty table is an empty array).
    package var isArray: Bool {
        for index in 1...max(1, entries.count) where entries.count > 0 {
            if entries[.integer(Int64(index))] == nil { return false }
        }
        return true
    }

    /// The values of keys 1...n in order; any other key makes this an error, never a truncation.
    package func array() throws(LuaError) -> [LuaValue] {
        var result: [LuaValue] = []
        result.reserveCapacity(entries.count)
        for index in 1...max(1, entries.count) where !entries.isEmpty {
            guard let value = entries[.integer(Int64(index))] else {
                let stray = entries.keys.sorted().first { key in
                    guard case .integer(let i) = key else { return true }
                    return i < 1 || i > Int64(entries.count)
                }
                if let stray, case .integer = stray {
                    throw .conversion("expected an array, but it has a hole: index \(index) is nil and \(stray) is set")
                }
                if let stray {
                    throw .conversion("expected an array (keys 1..n), found key '\(stray)'")
                }
                throw .conversion("expected an array (keys 1..n), missing index \(index)")
            }
            result.append(value)
        }
        return result
    }
}
