import Foundation
import LimberCore
import LimberLua

/// The plugins one `limber remind` run loads, chosen with the reminder index.
///
/// With an index built from the plugin files and config.lua as they are now, a run loads only
/// the plugins that have a reminder whose `due` must be asked (its schedule says its time has
/// come, it has not been delivered for that time, it is not snoozed) and those whose load must
/// run every time; when there are none it loads no plugin, and reads config.lua without the
/// limber API. Whenever the index does not hold, or a plugin shows it needs the others, the run
/// loads every plugin as it always did, and the index is rebuilt or corrected at its end.
final class RemindHost {
    /// config.lua, read now.
    let config: ConfigFile
    /// The host the reminders are evaluated on; nil when no plugin is loaded.
    private(set) var host: LimberHost?
    /// The plugins that failed to load (each already one line on stderr).
    private(set) var pluginFailures = 0

    /// What every host of this run is made with.
    private struct Run {
        /// `--plugins` folders.
        var folders: [String]
        var paths: LimberPaths
        var now: Date
        var timeZone: TimeZone
        /// The log reads kept between runs; nil in a dry run (which writes nothing).
        var reads: RemindLogCache?

        /// Sets a host up for this run: the clock and zone the log answers "today" with, and
        /// the kept reads.
        func setUp(_ host: LimberHost) {
            host.sessionLog.now = { [now] in now }
            host.sessionLog.timeZone = timeZone
            host.sessionLog.reads = reads
        }

        /// A host with every plugin loaded, set up for this run.
        func fullHost() throws -> (LimberHost, [PluginReport]) {
            let (host, reports) = try PluginOptions.makeHost(folders: folders, paths: paths)
            setUp(host)
            return (host, reports)
        }
    }

    private let run: Run
    /// Whether only some plugins are loaded (so evaluation may find it needs the others).
    private var partial: Bool
    /// The index to write when the run ends, if it needs writing; `rebuild` builds it from the
    /// full host with this key.
    private var pending: ReminderIndex?
    private var rebuild: (key: ReminderIndexKey, plugins: [PluginFile])?
    /// The index this run went by, and the plugins it was checked against.
    private var known: (index: ReminderIndex, plugins: [PluginFile])?
    /// The log, when no host holds it (no plugin is loaded).
    private lazy var ownLog = HostLog(paths: run.paths)

    private init(_ run: Run, config: ConfigFile, host: LimberHost?) {
        self.run = run
        self.config = config
        self.host = host
        partial = false
        host.map(run.setUp)
    }

    /// Loads what this run needs: with `useIndex`, what the index says; otherwise every plugin.
    static func prepare(folders: [String], paths: LimberPaths, now: Date, timeZone: TimeZone, useIndex: Bool) throws
        -> RemindHost
    {
        let run = Run(
            folders: folders, paths: paths, now: now, timeZone: timeZone,
            reads: useIndex ? RemindLogCache(cache: paths.cache, database: paths.database) : nil)
        guard useIndex else { return try full(run) }
        let plugins = PluginOptions.pluginFolders(folders, paths: paths).flatMap(PluginFile.discover(in:))
        guard let key = ReminderIndexKey.current(plugins: plugins, configFile: paths.configFile) else {
            return try full(run)
        }
        let indexFile = ReminderIndex.file(in: paths.cache)
        let index = ReminderIndex.read(from: indexFile)
        // A state file that cannot be read is reported by the run itself, as without an index.
        let state = try? ReminderState.load(from: ReminderState.file(in: paths.state))
        guard let index, let state, let plan = index.plan(for: plugins, key: key, at: now, in: timeZone, state: state) else {
            let made = try full(run)
            if state != nil { made.rebuild = (key, plugins) }
            return made
        }
        switch plan {
        case .all:
            return try full(run)
        case .noPlugin:
            return RemindHost(run, config: try configOnly(paths: paths), host: nil)
        case .only(let chosen):
            let host = try PluginOptions.bareHost(paths: paths)
            if let diverged = host.loadOnly(chosen) {
                let made = try full(run)
                made.pending = index.marking(diverged.position, always: true)
                return made
            }
            let made = RemindHost(run, config: host.config, host: host)
            made.partial = true
            made.known = (index, plugins)
            return made
        }
    }

    /// Every plugin loaded, as without an index.
    private static func full(_ run: Run) throws -> RemindHost {
        let (host, reports) = try run.fullHost()
        let made = RemindHost(run, config: host.config, host: host)
        made.pluginFailures = reports.failures
        made.reports = reports
        return made
    }

    private var reports: [PluginReport] = []

    /// config.lua read in a Lua state without the limber API (it runs with no API and no
    /// libraries anyway); a broken one is the error it always was.
    private static func configOnly(paths: LimberPaths) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: paths.configFile.path) else { return ConfigFile() }
        let lua: LuaState
        do {
            lua = try LuaState(memoryLimit: PluginOptions.memoryLimit)
        } catch {
            throw LimberFailure("cannot start Lua: \(error.message)")
        }
        do {
            return try ConfigFile.load(from: paths.configFile, into: lua)
        } catch {
            throw LimberFailure(error.message)
        }
    }

    /// The session log, opened on first use.
    func log() throws -> SessionLog {
        try (host?.sessionLog ?? ownLog).log()
    }

    /// Evaluates the reminders at the run's time; `setUp` prepares each host evaluated on
    /// (where `limber.notify` goes). With only some plugins loaded, a `due` or `message` that
    /// asks for what plugins define sends the run to a host with every plugin, evaluated anew.
    func evaluate(state: ReminderState, setUp: (LimberHost) -> Void) throws -> [ReminderOutcome] {
        guard let host else { return [] }
        setUp(host)
        guard partial else { return host.evaluateReminders(at: run.now, in: run.timeZone, state: state) }
        switch host.evaluateRemindersAlone(at: run.now, in: run.timeZone, state: state) {
        case .done(let outcomes):
            return outcomes
        case .needsOthers(let source):
            if let source, let known, let position = known.plugins.firstIndex(where: { $0.displayPath == source }) {
                pending = known.index.marking(position, always: false)
            }
            let log = host.sessionLog.openedLog
            self.host = nil
            let (full, reports) = try run.fullHost()
            pluginFailures += reports.failures
            if let log { full.sessionLog.use(log) }
            partial = false
            self.host = full
            setUp(full)
            return full.evaluateReminders(at: run.now, in: run.timeZone, state: state)
        }
    }

    /// Ends the run's use of the host and the log, for a process about to exit: the log's
    /// connection is closed (so the database file is as any close leaves it), and the rest (the
    /// Lua state with every API table, the plugins' values, GRDB's queue) is left to `exit`,
    /// which returns every page at once, as clang leaves its compiler state (`-disable-free`).
    /// Freeing them object by object was a tenth of a `limber remind` with nothing due. Plugins'
    /// `__gc` finalizers do not run at the end, as after `os.exit` in stock Lua.
    func leaveToExit() {
        try? (host?.sessionLog ?? ownLog).closeIfOpened()
        run.reads?.finish()
        _ = Unmanaged.passRetained(self)
    }

    /// Writes the index if this run learnt something: rebuilt (with the probe) after a full load
    /// the index did not hold for, or corrected after a plugin needed the others. The files are
    /// stamped again first: if they changed during the run, nothing is written.
    func finish() {
        let file = ReminderIndex.file(in: run.paths.cache)
        if let pending {
            pending.write(to: file)
            return
        }
        guard let rebuild, let host else { return }
        let index = ReminderIndexProbe.index(key: rebuild.key, plugins: rebuild.plugins, host: host, reports: reports)
        guard ReminderIndexKey.current(plugins: rebuild.plugins, configFile: run.paths.configFile) == rebuild.key
        else { return }
        index.write(to: file)
    }
}
