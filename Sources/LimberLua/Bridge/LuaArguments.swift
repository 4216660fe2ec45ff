import CLua
import CLuaShim

/// The arguments of one call into a host function of the scalar form, read where they lie on
/// the Lua stack.
///
/// Nothing is copied until the function asks for it, and nothing asked can raise: the readers
/// of `limber_arguments.h` convert nothing and run no metamethod. An argument past the last
/// reads as nil, and a wrong type is the same error as ``LuaCall`` gives, naming the position
/// and the parameter.
package struct LuaArguments {
    let thread: OpaquePointer
    /// How many arguments the call passed.
    package let count: Int

    init(thread: OpaquePointer) {
        self.thread = thread
        count = Int(lua_gettop(thread))
    }

    /// The Lua type of the argument at a 1-based position; `LUA_TNIL` when it is absent.
    private func type(_ position: Int) -> Int32 {
        position >= 1 && position <= count ? lua_type(thread, Int32(position)) : LUA_TNIL
    }

    /// The argument's type name, as `type()` says it (`nil` when it is absent).
    package func typeName(_ position: Int) -> String {
        String(cString: lua_typename(thread, type(position)))
    }

    /// Whether the argument is nil or absent.
    package func isNil(_ position: Int) -> Bool { type(position) == LUA_TNIL }

    /// A number argument (an integer converted), or an error naming the position.
    package func number(_ position: Int, _ name: String) throws(LuaError) -> Double {
        if position >= 1 && position <= count {
            var isNumber: Int32 = 0
            let value = limber_arg_number(thread, Int32(position), &isNumber)
            if isNumber != 0 { return value }
        }
        throw .badArgument(position, name, expected: "number", got: typeName(position))
    }

    /// A string argument, or an error naming the position.
    package func string(_ position: Int, _ name: String) throws(LuaError) -> String {
        guard let text = try stringIfString(position) else {
            throw .badArgument(position, name, expected: "string", got: typeName(position))
        }
        return text
    }

    /// The argument's text when it is a string (invalid UTF-8 replaced with U+FFFD), nil when
    /// it is anything else; a string past ``LuaReadLimits/maximumStringLength`` is an error.
    package func stringIfString(_ position: Int) throws(LuaError) -> String? {
        guard let bytes = try rawBytes(position) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The argument's bytes, exactly as Lua holds them, when it is a string; nil when it is
    /// anything else; a string past ``LuaReadLimits/maximumStringLength`` is an error.
    package func bytesIfString(_ position: Int) throws(LuaError) -> [UInt8]? {
        guard let bytes = try rawBytes(position) else { return nil }
        return Array(bytes)
    }

    /// The string argument's bytes in Lua's memory, valid while the argument is on the stack.
    private func rawBytes(_ position: Int) throws(LuaError) -> UnsafeRawBufferPointer? {
        guard position >= 1 && position <= count else { return nil }
        var length = 0
        guard let pointer = limber_arg_string(thread, Int32(position), &length) else { return nil }
        guard length <= LuaReadLimits.maximumStringLength else { throw LuaReadLimits.stringTooLong(length) }
        return UnsafeRawBufferPointer(start: pointer, count: length)
    }
}
