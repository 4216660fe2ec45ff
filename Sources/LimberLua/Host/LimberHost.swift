import Foundation
import LimberCore

/// A Lua state with the `limber` API installed, and the context that API works on.
///
/// The CLI, the REPL, `limber run` and the plugin loader each make one. It is used from one
/// thread at a time.
package final class LimberHost {
    /// The state plugins and scripts run in.
    package let lua: LuaState
    /// Where the user's files live.
    package let paths: LimberPaths
    /// The catalogue: built-in exercises plus what plugins add.
    package var catalogue: Catalogue
    /// The plugin or script whose code is running, for `source` fields and messages.
    package internal(set) var currentSource: String?
    /// Everything plugins and scripts defined, as `kind:id`, in order.
    package internal(set) var definitions: [String] = []
    var definitionSources: [String: String] = [:]
    /// The exercises by id and origin, built-in ones included; `catalogue` is their view.
    package internal(set) var exerciseRegistry: DefinitionRegistry<Exercise>
    /// The routines by id and origin; `sessions.routines` is their view.
    package internal(set) var routineRegistry = DefinitionRegistry<Routine>(kind: "routine")
    /// What the plugin code that runs may do: load, describe, or anything (see ``PluginPhase``).
    package internal(set) var phase: PluginPhase = .free
    /// Seconds of CPU one plugin may use while it loads or runs a hook.
    package var pluginCPULimit: Double = 1.0
    var pluginRunnerFunction: LuaValue?
    /// The user's config file: grants and per-plugin settings.
    package var config = ConfigFile()
    /// The session log behind `limber.log`, opened on first use.
    package let sessionLog: HostLog
    /// The reminders plugins defined, and where `limber.notify` delivers.
    package let reminders = ReminderRegistry()
    /// Routines, `limber.on` hooks, and the presenter that shows guided sessions.
    package let sessions = SessionRegistry()
    /// The clock timers and guided sessions wait on; tests give a test or virtual clock.
    package var clock: any Clock<Duration> = ContinuousClock()

    /// Wakes `limber.timer` sleeps when a guided session is ended.
    package let sleepGate = SleepGate()

    /// The progressions plugins defined.
    package let progressions = ProgressionRegistry()

    private var linkStorage: OwnerLink<LimberHost>?
    /// Loads the plugins on the first API call that needs them (see `deferPlugins`).
    var deferredPlugins: ((LimberHost) -> Void)?
    /// What the API's functions hold instead of a weak reference (see `OwnerLink`).
    var link: OwnerLink<LimberHost> {
        if let linkStorage { return linkStorage }
        let made = OwnerLink(self)
        linkStorage = made
        return made
    }

    /// A host whose `limber` global is installed and read-only.
    ///
    /// `memoryLimit` (bytes, 0 for none) caps what Lua may hold.
    package init(paths: LimberPaths, catalogue: Catalogue = .builtin, memoryLimit: Int = 0) throws(LuaError) {
        self.paths = paths
        self.catalogue = catalogue
        exerciseRegistry = DefinitionRegistry(
            kind: "exercise", catalogue.all.map { .init(id: $0.id, source: "the built-in catalogue", definition: $0) })
        sessionLog = HostLog(paths: paths)
        lua = try LuaState(memoryLimit: memoryLimit)
        shareMemory()
        try APIInstaller(host: self).install()
    }

    deinit {
        linkStorage?.clear()
    }

    /// Calls a plugin's function (a hook, a `due`, an `adjust`) under that plugin's CPU budget.
    ///
    /// `owner` is the file that defined the function. Once the plugin's budget is spent it is
    /// stopped: this call fails with `file:line: stopped after 1.0 s of CPU time ...`, and every
    /// later one at once, without running its code; other plugins go on.
    @discardableResult
    package func callPlugin(_ function: LuaValue, _ arguments: [LuaValue] = [], owner: String) throws(LuaError) -> [LuaValue] {
        try lua.inSandbox { () throws(LuaError) -> [LuaValue] in
            try lua.call(function, arguments, cpuLimit: pluginCPULimit, owner: owner)
        }
    }

    /// The plugins stopped because they spent their CPU budget, with the error that stopped each.
    package var stoppedPlugins: [String: String] { lua.stoppedOwners }

    /// Notes that the running code defined something (`exercise`, `routine`, ...).
    package func recordDefinition(kind: String, id: String) {
        definitions.append("\(kind):\(id)")
        definitionSources["\(kind):\(id)"] = currentSource ?? "a script"
    }

    /// The plugin or script that defined `kind:id`, if a plugin or script did.
    package func definitionSource(kind: String, id: String) -> String? {
        definitionSources["\(kind):\(id)"]
    }

    /// Runs a Lua file headless: `arg` holds the script name at 0 and its arguments from 1,
    /// which the chunk also receives as `...`.
    @discardableResult
    package func runScript(at path: String, arguments: [String] = []) throws(LuaError) -> [LuaValue] {
        let chunk = path == "-" ? try lua.loadStandardInput() : try lua.load(file: path)
        var arg = LuaTable(array: arguments.map { .string($0) })
        arg[.integer(0)] = .string(path)
        try lua.setGlobal("arg", .table(arg))
        currentSource = path
        defer { currentSource = nil }
        return try lua.call(chunk, arguments.map { .string($0) })
    }
}
