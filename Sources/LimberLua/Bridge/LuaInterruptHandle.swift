import CLuaShim

/// Stops a state's running code from a signal handler.
///
/// `LuaState.interrupt()` needs a class reference, and loading one in a signal handler means
/// retain and release; this handle is a plain value (the state's pointer) that a handler can
/// keep in a global and use without touching Swift's reference counting. Calling `interrupt()`
/// makes the running code fail with an "interrupted" error at its next instruction, as the
/// reference Lua interpreter does on Ctrl-C. The handle is valid only while its `LuaState`
/// lives; the owner must clear it before dropping the state, and call `resetStop()` after the
/// protected call returns.
package struct LuaInterruptHandle: @unchecked Sendable {
    let thread: OpaquePointer

    /// Async-signal-safe: sets the shim's interrupt flag and hook.
    package func interrupt() { limber_interrupt(thread) }
}

extension LuaState {
    /// A handle a signal handler can use to interrupt this state's running code.
    package var interruptHandle: LuaInterruptHandle { LuaInterruptHandle(thread: L) }
}
