import CLua

/// A Swift function that Lua can call.
///
/// Lua calls it through the shim's C trampoline: the body reads its arguments, returns its
/// results or throws, and the trampoline raises a thrown error as a Lua error from C, after
/// this Swift frame has returned.
///
/// It has one of two forms. A body of the values form gets every argument copied into a
/// ``LuaCall`` and returns any values. A body of the scalar form reads its arguments lazily,
/// straight from the Lua stack (``LuaArguments``), and returns at most one nil, boolean or
/// number (``LuaScalar``): no array is built on either side, which makes such a call cost
/// little more than a C function's. Use the scalar form wherever the arguments and result fit.
package final class HostFunction {
    package typealias Body = (inout LuaCall) throws -> [LuaValue]
    package typealias ScalarBody = (LuaArguments) throws -> LuaScalar

    /// A name for messages (`limber.catalogue.get`).
    package let name: String
    /// The body of the values form, or nil for one of the scalar form.
    let valuesBody: Body?
    /// The body of the scalar form, or nil for one of the values form. (Two optional
    /// constants, not an enum: a call through either borrows the closure, where taking one
    /// out of an enum's case would retain and release it on every call.)
    let scalarBody: ScalarBody?

    /// A function of the values form.
    package init(_ name: String, _ body: @escaping Body) {
        self.name = name
        valuesBody = body
        scalarBody = nil
    }

    private init(_ name: String, scalarBody: @escaping ScalarBody) {
        self.name = name
        valuesBody = nil
        self.scalarBody = scalarBody
    }

    /// A function of the scalar form.
    package static func scalar(_ name: String, _ body: @escaping ScalarBody) -> HostFunction {
        HostFunction(name, scalarBody: body)
    }
}

/// One call from Lua into a host function: its arguments and the state it came from.
package struct LuaCall {
    package let state: LuaState
    package let arguments: [LuaValue]
    let thread: OpaquePointer

    /// Calls a Lua function back on the thread (main or coroutine) this call came from; with an
    /// `owner`, under that owner's budget (see ``LuaState/call(_:_:cpuLimit:owner:)``).
    @discardableResult
    package func call(_ function: LuaValue, _ arguments: [LuaValue] = [], cpuLimit: Double = 0, owner: String? = nil)
        throws(LuaError) -> [LuaValue]
    {
        try state.call(function, arguments, cpuLimit: cpuLimit, owner: owner, on: thread)
    }

    /// The argument at a 1-based position, nil when absent.
    package func argument(_ position: Int) -> LuaValue {
        position >= 1 && position <= arguments.count ? arguments[position - 1] : .nil
    }

    /// A string argument, or an error naming the position and the function.
    package func string(_ position: Int, _ name: String) throws(LuaError) -> String {
        guard case .string(let s) = argument(position) else {
            throw .badArgument(position, name, expected: "string", got: argument(position).typeName)
        }
        return s.description
    }

    /// A table argument, or an error naming the position.
    package func table(_ position: Int, _ name: String) throws(LuaError) -> LuaTable {
        guard case .table(let t) = argument(position) else {
            throw .badArgument(position, name, expected: "table", got: argument(position).typeName)
        }
        return t
    }

    /// An optional table argument: nil or absent is an empty table.
    package func optionalTable(_ position: Int, _ name: String) throws(LuaError) -> LuaTable {
        if argument(position).isNil { return LuaTable() }
        return try table(position, name)
    }

    /// A number argument, or an error naming the position.
    package func number(_ position: Int, _ name: String) throws(LuaError) -> Double {
        guard let value = argument(position).doubleValue else {
            throw .badArgument(position, name, expected: "number", got: argument(position).typeName)
        }
        return value
    }
}
