import LimberLua

/// The Swift handle on the REPL's Lua side (`ReplLuaSource`) in one host.
struct ReplDriver {
    /// Seconds of CPU a completion may take before it is given up (a runaway `__pairs`).
    static let completionCPULimit = 0.5

    let lua: LuaState
    private let runFunction: LuaValue
    private let completeFunction: LuaValue

    /// Loads the Lua side into the host's state, indexes the `limber` API and defines `help`.
    init(host: LimberHost, help: ReplHelp = ReplHelp()) throws(LuaError) {
        lua = host.lua
        let printer = try lua.load(EmbeddedLua.printer)
        let exports = try lua.run(ReplLuaSource.source, [printer, .function(.host(TerminalEscaper.function))]).first ?? .nil
        guard let table = exports.tableValue,
            case .function = table["setup"], case .function = table["run"], case .function = table["complete"]
        else { throw .conversion("limber: the REPL's Lua side did not build") }
        runFunction = table["run"]
        completeFunction = table["complete"]
        try lua.call(table["setup"], [help.luaValue])
    }

    /// Runs a compiled chunk; its results pretty-printed (as bytes: they need not be UTF-8), or
    /// nil when it returned nothing.
    func run(_ chunk: LuaValue, options: ReplPrintOptions) throws(LuaError) -> LuaString? {
        guard case .string(let text) = try lua.call(runFunction, [chunk, options.luaValue]).first else { return nil }
        return text
    }

    /// Completions for the word before the cursor; none when completing fails.
    func complete(_ word: String) -> [String] {
        guard let result = try? lua.call(completeFunction, [.string(word)], cpuLimit: Self.completionCPULimit),
            let names = try? result.first?.tableValue?.array()
        else { return [] }
        return names.compactMap(\.stringValue)
    }
}

/// How the value printer lays out results.
struct ReplPrintOptions {
    /// Levels of nested tables shown before `{...}`.
    var depth = 4
    /// Entries shown per table before `... (n more)`.
    var items = 100
    /// Columns a table may take on one line.
    var width = 80
    /// Colour results (strings, numbers, functions, markers).
    var colour = false

    var luaValue: LuaValue {
        var table = LuaTable()
        table["depth"] = .integer(Int64(depth))
        table["items"] = .integer(Int64(items))
        table["width"] = .integer(Int64(width))
        if colour {
            table["colours"] = [
                "string": "32", "number": "33", "boolean": "35", "nil": "2", "function": "36", "meta": "2",
            ]
        }
        return .table(table)
    }
}
