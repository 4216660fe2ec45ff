/// A Swift object exposed to Lua as a userdata that retains it; `__gc` releases it.
package final class LuaObject {
    /// The Swift object.
    package let value: AnyObject
    /// The metatable given to the userdata (with `__index`, `__tostring`, ...); nil for none.
    package let metatable: LuaRef?

    package init(_ value: AnyObject, metatable: LuaRef? = nil) {
        self.value = value
        self.metatable = metatable
    }
}
