import LimberLua

/// The REPL's Lua side (`Lua/repl.lua`): running a chunk, completion and `help`; values print
/// with the shared printer (`LimberLua/Lua/printer.lua`), whose chunk it is given.
///
/// Why Lua and not Swift: results stay Lua values (no copy into Swift, so cycles, userdata and
/// huge tables are fine), and every metamethod the printer and the completer trigger
/// (`__pairs`, `__tostring`, `__index`) runs inside `LuaState.call`'s protected call, and
/// inside a `pcall` of its own, so a raising metamethod is shown, never raised across a Swift
/// frame. Swift only receives plain strings back.
///
/// The chunk returns a table of functions:
/// - `setup(docs)`: keeps the documentation table (built in Swift from `HostAPI`), indexes the
///   `limber` proxies (function or proxy value -> API path) and defines the global `help`.
/// - `run(chunk, options)`: calls `chunk`, sets the global `_` to its first result, returns the
///   results pretty-printed (nil when there were none).
/// - `complete(word)`: completions for a global or a dotted field path.
enum ReplLuaSource {
    /// `Lua/repl.lua`, compiled into the binary.
    static let source = EmbeddedLua(name: "LimberCLI/Lua/repl.lua", bytes: PackageResources.repl_lua)
}
