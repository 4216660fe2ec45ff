/// Lua source that ships inside the binary (SwiftPM's `embedInCode`), with the chunk name that
/// points at its file, so an error in it reads `LimberLua/Lua/sandbox.lua:42: ...`.
package struct EmbeddedLua: Sendable {
    /// The file's path below `Sources/`, as errors and tracebacks show it.
    package let name: String
    /// The file's bytes.
    package let bytes: [UInt8]

    /// A chunk from `bytes`, named after the file at `name` (a path below `Sources/`).
    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The chunk name to load it with (`@` and the path).
    package var chunkName: String { "@" + name }

    /// The prefix of a traceback line or error message that points into this file.
    package var locationPrefix: String { name + ":" }

    /// The plugin sandbox builder.
    static let sandbox = EmbeddedLua(name: "LimberLua/Lua/sandbox.lua", bytes: PackageResources.sandbox_lua)
    /// The one value printer, shared by the REPL and `limber test`.
    package static let printer = EmbeddedLua(name: "LimberLua/Lua/printer.lua", bytes: PackageResources.printer_lua)
    /// The Lua side of `limber test`.
    static let testRuntime = EmbeddedLua(name: "LimberLua/Lua/test_runtime.lua", bytes: PackageResources.test_runtime_lua)
}

extension LuaState {
    /// Compiles embedded Lua into a function, to be called on the Lua side (where what it
    /// returns stays one Lua value, rather than a copy made in Swift).
    package func load(_ embedded: EmbeddedLua) throws(LuaError) -> LuaValue {
        try load(embedded.bytes, chunkName: embedded.chunkName)
    }

    /// Loads and runs embedded Lua, returning what its chunk returns.
    package func run(_ embedded: EmbeddedLua, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let chunk = try load(embedded.bytes, chunkName: embedded.chunkName)
        return try call(chunk, arguments)
    }
}
