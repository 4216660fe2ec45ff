import CLua
import CLuaShim

/// Copies Lua values into Swift with raw access only.
///
/// Nothing here runs a metamethod or allocates on the Lua side except registry references,
/// which the shim makes under protection; so nothing here can raise across a Swift frame.
///
/// The copy is bounded (see ``LuaReadLimits``): a string, a table's entry count and the
/// nesting depth each have a limit, and everything read is charged, at its full logical size,
/// against one budget for the whole read (all the arguments of one host call). A table or long
/// string reached twice is copied once and shared, but charged each time, so a value that is
/// small in Lua and huge as a tree (`t = {t, t}` forty times) fails at once with a clear error.
struct LuaReader {
    /// Tables nest at most this deep before the copy is refused.
    static let maximumDepth = LuaReadLimits.maximumDepth

    let state: LuaState
    let thread: OpaquePointer
    private var open: Set<UnsafeRawPointer> = []
    /// Tables already copied, with the logical size each was charged.
    private var tables: [UnsafeRawPointer: (table: LuaTable, size: Int)] = [:]
    /// Long strings already copied, by their Lua address.
    private var strings: [UnsafeRawPointer: LuaString] = [:]
    /// What is left of this read's budget, in bytes.
    private var remaining = LuaReadLimits.budget

    init(state: LuaState, thread: OpaquePointer) {
        self.state = state
        self.thread = thread
    }

    mutating func read(at index: Int32) throws(LuaError) -> LuaValue {
        let index = lua_absindex(thread, index)
        switch lua_type(thread, index) {
        case LUA_TNIL, LUA_TNONE:
            return .nil
        case LUA_TBOOLEAN:
            return .boolean(lua_toboolean(thread, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(thread, index) != 0 {
                return .integer(lua_tointegerx(thread, index, nil))
            }
            return .number(lua_tonumberx(thread, index, nil))
        case LUA_TSTRING:
            return .string(try readString(at: index))
        case LUA_TTABLE:
            return .table(try readTable(at: index))
        case LUA_TFUNCTION:
            return .function(.lua(try state.reference(thread, at: index)))
        case LUA_TUSERDATA:
            if let box = limber_tobox(thread, index),
                let object = Unmanaged<AnyObject>.fromOpaque(box).takeUnretainedValue() as? LuaObject
            {
                return .object(object)
            }
            return .opaque(try state.reference(thread, at: index))
        default:
            return .opaque(try state.reference(thread, at: index))
        }
    }

    private mutating func readString(at index: Int32) throws(LuaError) -> LuaString {
        var length = 0
        guard let pointer = lua_tolstring(thread, index, &length) else { return LuaString(bytes: []) }
        guard length <= LuaReadLimits.maximumStringLength else { throw LuaReadLimits.stringTooLong(length) }
        try charge(length + LuaReadLimits.valueCost)
        if length < 64 { return LuaString(bytes: Array(UnsafeRawBufferPointer(start: pointer, count: length))) }
        let identity = UnsafeRawPointer(pointer)
        if let shared = strings[identity] { return shared }
        let string = LuaString(bytes: Array(UnsafeRawBufferPointer(start: pointer, count: length)))
        strings[identity] = string
        return string
    }

    private mutating func charge(_ bytes: Int) throws(LuaError) {
        remaining -= bytes
        guard remaining >= 0 else {
            throw .conversion(
                "the values passed come to more than the \(LuaReadLimits.budget >> 20) MiB limber copies in one call (a table or string shared many times counts each time)"
            )
        }
    }

    private mutating func readTable(at index: Int32) throws(LuaError) -> LuaTable {
        guard let identity = lua_topointer(thread, index) else { return LuaTable() }
        if let done = tables[identity] {
            try charge(done.size)
            return done.table
        }
        guard !open.contains(identity) else {
            throw .conversion("cannot copy a table that contains itself")
        }
        guard open.count < Self.maximumDepth else {
            throw .conversion("tables nest deeper than \(Self.maximumDepth) levels")
        }
        guard lua_checkstack(thread, 3) != 0 else {
            throw .memory("Lua stack overflow while copying a table")
        }
        open.insert(identity)
        defer { open.remove(identity) }
        let before = remaining
        var entries: [LuaKey: LuaValue] = [:]
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            guard entries.count < LuaReadLimits.maximumEntries else {
                limber_pop(thread, 2)
                throw .conversion("a table has more than \(LuaReadLimits.maximumEntries) entries, more than limber takes")
            }
            let key: LuaKey
            do {
                try charge(LuaReadLimits.valueCost)
            } catch {
                limber_pop(thread, 2)
                throw error
            }
            switch lua_type(thread, -2) {
            case LUA_TSTRING:
                do {
                    key = .string(try readString(at: -2))
                } catch {
                    limber_pop(thread, 2)
                    throw error
                }
            case LUA_TNUMBER:
                if lua_isinteger(thread, -2) != 0 {
                    key = .integer(lua_tointegerx(thread, -2, nil))
                } else {
                    key = .number(lua_tonumberx(thread, -2, nil))
                }
            case LUA_TBOOLEAN:
                key = .boolean(lua_toboolean(thread, -2) != 0)
            default:
                let typeName = String(cString: lua_typename(thread, lua_type(thread, -2)))
                limber_pop(thread, 2)
                throw .conversion("table keys must be strings, numbers or booleans, found a \(typeName) key")
            }
            do {
                entries[key] = try read(at: -1)
            } catch {
                limber_pop(thread, 2)
                throw error
            }
            limber_pop(thread, 1)
        }
        let table = LuaTable(entries: entries)
        tables[identity] = (table, before - remaining)
        return table
    }
}

/// The bounds on what Lua hands to Swift in one read: generous for real plugins, small enough
/// that no host call copies or walks more than a few tens of megabytes.
enum LuaReadLimits {
    /// The longest string taken: 16 MiB.
    static let maximumStringLength = 16 << 20
    /// The most entries in one table: 100,000.
    static let maximumEntries = 100_000
    /// How deep tables may nest: 200 levels.
    static let maximumDepth = 200
    /// Everything one read copies, counted at full size each time a value is reached: 64 MiB.
    static let budget = 64 << 20
    /// What each value and table entry is charged beyond its bytes.
    static let valueCost = 32

    /// The error for a string of `length` bytes, past ``maximumStringLength``.
    static func stringTooLong(_ length: Int) -> LuaError {
        .conversion("a string of \(length) bytes is longer than the \(maximumStringLength >> 20) MiB limber takes")
    }
}
