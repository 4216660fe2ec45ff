import CLua
import CLuaShim

/// Copies Lua values into Swift with raw access only.
///
/// Nothing here runs a metamethod or allocates on the Lua side except registry references,
/// which the shim makes under protection; so nothing here can raise across a Swift frame.
struct LuaReader {
    /// Tables nest at most this deep before the copy is refused.
    static let maximumDepth = 200

    let state: LuaState
    let thread: OpaquePointer
    private var open: Set<UnsafeRawPointer> = []

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
            return .string(readString(at: index))
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

    private func readString(at index: Int32) -> LuaString {
        var length = 0
        guard let pointer = lua_tolstring(thread, index, &length) else { return LuaString(bytes: []) }
        return LuaString(bytes: Array(UnsafeRawBufferPointer(start: pointer, count: length)))
    }

    private mutating func readTable(at index: Int32) throws(LuaError) -> LuaTable {
        guard let identity = lua_topointer(thread, index) else { return LuaTable() }
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
        var entries: [LuaKey: LuaValue] = [:]
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            let key: LuaKey
            switch lua_type(thread, -2) {
            case LUA_TSTRING:
                key = .string(readString(at: -2))
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
        return LuaTable(entries: entries)
    }
}
