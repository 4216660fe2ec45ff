/// A Swift object exposed to Lua as a userdata that retains it; `__gc` releases it.
public final class LuaObject {
    /// The Swift object.
    public let value: AnyObject
    /// The metatable given to the userdata (with `__index`, `__tostring`, ...); nil for none.
    public let metatable: LuaRef?

    public init(_ value: AnyObject, metatable: LuaRef? = nil) {
        self.value = value
        self.metatable = metatable
    }
}
