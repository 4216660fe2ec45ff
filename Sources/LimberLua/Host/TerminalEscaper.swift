import CLuaShim
import LimberCore

/// ``TerminalSafe`` as a Lua function, so plugin text that Lua writes is escaped by the same one
/// function as everything limber renders (DESIGN.md, trust rule 9).
///
/// `terminal_safe(text [, multiline])` returns `text` with every control or invisible format
/// character in Lua's escape notation (`multiline` keeps `\n` and `\t`); a value that is not a
/// string comes back as it is. The host registers it with the shim, whose `file:write` and
/// `io.write` pass plugin text through it when it can reach a terminal (`terminal_output.c`);
/// plugins' `print` escapes in Swift (``HostPrint``); the value printer quotes with it.
package enum TerminalEscaper {
    /// The Lua function.
    package static var function: HostFunction {
        HostFunction("terminal_safe") { call in
            guard case .string(let text) = call.argument(1) else { return [call.argument(1)] }
            let lines: TerminalSafe.Lines = call.argument(2) == .boolean(true) ? .multiple : .single
            return [.string(LuaString(TerminalSafe.text(bytes: text.bytes, lines: lines)))]
        }
    }

    /// Registers the function as the escaper of plugin writes in `lua`.
    static func install(on lua: LuaState) throws(LuaError) {
        let reference = try lua.reference(.function(.host(function)))
        try lua.setTerminalEscaper(reference)
    }
}

extension LuaState {
    /// Makes `escaper` (a function) the one the shim's guarded writes call.
    func setTerminalEscaper(_ escaper: LuaRef) throws(LuaError) {
        guard limber_set_terminal_escaper(L, escaper.ref) == 0 else {
            throw .memory(Self.popMessage(L))
        }
    }
}
