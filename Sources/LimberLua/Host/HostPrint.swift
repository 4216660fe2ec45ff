import Foundation
import LimberCore

/// The plugins' `print`, routed through the host: while a guided session is shown, what a hook
/// prints goes to the session's presenter (which shows it above the live display instead of
/// letting the display draw over it); otherwise it goes to standard output as the stock `print`
/// writes it (tab-separated `tostring` of each argument, a newline, flushed). Either way the
/// text is plugin text headed for a terminal, so it goes through ``TerminalSafe`` first (lines
/// kept): an escape sequence, `\r` or a bidi override a plugin prints shows in Lua's notation.
/// It is escaped on a pipe too, as every renderer escapes plugin text there: cron mails it and
/// pagers show it, so a pipe usually ends at a terminal; a plugin that must write exact bytes
/// writes a file (the `files` grant).
///
/// The global `print` stays the stock one (the REPL and scripts see the C function they know);
/// each plugin's environment copies `print` from the globals when it is made, so the loader
/// puts this one there for the moment a plugin loads (`withPluginPrint`).
enum HostPrint {
    /// Builds `print` from `tostring` and `table.concat` as they are before any plugin runs.
    private static let source = """
        local tostring, select, concat = tostring, select, table.concat
        return function(sink)
          return function(...)
            local n = select("#", ...)
            local parts = {}
            for i = 1, n do parts[i] = tostring((select(i, ...))) end
            sink(concat(parts, "\\t"))
          end
        end
        """

    /// Builds the routed `print` and keeps it on the host's session registry.
    static func install(on host: LimberHost) throws(LuaError) {
        let lua = host.lua
        // The host's link, not a weak reference: one of those would put every retain of the
        // host, in every host call, on Swift's slow path (see `OwnerLink`).
        let link = host.link
        let sink = LuaValue.function(
            .host(
                HostFunction.scalar("print") { arguments in
                    guard let line = try arguments.bytesIfString(1) else { return .nothing }
                    let text = TerminalSafe.text(bytes: line, lines: .multiple) + "\n"
                    if let presenter = link.owner?.sessions.printTarget {
                        presenter.output(text)
                    } else {
                        // Through the C stream Swift's own `print` uses, so the two keep their order.
                        Swift.print(text, terminator: "")
                        fflush(nil)
                    }
                    return .nothing
                }))
        guard let make = try lua.run(source, chunkName: "=limber.print").first,
            let print = try lua.call(make, [sink]).first
        else { throw .conversion("limber: cannot build print") }
        host.sessions.pluginPrint = print
        try TerminalEscaper.install(on: lua)
    }

    /// Runs `body` (a plugin's load) with the routed `print` as the global one, then puts the
    /// stock one back.
    @discardableResult
    static func withPluginPrint<T>(_ host: LimberHost, _ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        guard let routed = host.sessions.pluginPrint else { return try body() }
        let stock = try host.lua.global("print")
        try host.lua.setGlobal("print", routed)
        defer { try? host.lua.setGlobal("print", stock) }
        return try body()
    }
}
