/// The Lua side of plugin loading: a sandboxed environment per plugin, and running a chunk in it.
///
/// Compiled once per host. It captures what it needs from the full standard library before
/// any plugin runs; plugins then see only copies of the safe parts, plus what the user granted.
enum PluginEnvironment {
    /// Capabilities a plugin may ask for and the user may grant in config.
    static let grantable: [String: String] = [
        "exec": "run commands (os.execute, io.popen)",
        "files": "read and write files (io)",
        "env": "read environment variables (os.getenv)",
    ]

    /// The sandbox builder, `Lua/sandbox.lua`, compiled into the binary.
    static let source = EmbeddedLua.sandbox
}

extension LimberHost {
    /// `run(chunk, name, folder, grants, settings)` from `PluginEnvironment.source`: runs a
    /// plugin's chunk in a fresh sandboxed environment (which stays on the Lua side).
    func pluginRunner() throws(LuaError) -> LuaValue {
        if let cached = pluginRunnerFunction { return cached }
        guard let runner = try lua.run(PluginEnvironment.source, [.function(.host(Self.readModuleFunction()))]).first else {
            throw .conversion("limber: the plugin environment did not build")
        }
        pluginRunnerFunction = runner
        return runner
    }

    /// `read_module(folder, name)` for the sandbox's `require`: the source and its path, or
    /// nil and one line naming the module (see ``ModuleReader``).
    static func readModuleFunction() -> HostFunction {
        HostFunction("read_module") { call in
            guard case .string(let folder) = call.argument(1), case .string(let name) = call.argument(2) else {
                return [.nil, .string("bad module name")]
            }
            switch ModuleReader.read(folder: folder.description, name: name.description) {
            case .success(let module): return [.string(LuaString(bytes: module.source)), .string(module.path)]
            case .failure(let error): return [.nil, .string(error.message)]
            }
        }
    }
}
