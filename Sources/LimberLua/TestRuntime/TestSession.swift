import Foundation
import LimberCore

/// One test file's host: the state, the virtual clock, and the Lua test runtime's controls.
final class TestSession {
    /// The longest `clock.advance` a plugin test may ask for at once: a century.
    static let longestAdvance: Double = 3_155_760_000

    let host: LimberHost
    let clock: VirtualClock
    private let start: Date
    private var control = LuaTable()
    /// What reminders delivered in this test, as `limber remind` keeps it in its state file.
    private var reminderState = ReminderState()
    /// Messages sent by `limber.notify` and delivered reminders in this test, in order.
    private(set) var sent: [String] = []
    /// The globals the runtime gave the test file, by name.
    private(set) var globals: [String: LuaValue] = [:]
    /// Shows guided sessions (as nothing) and keeps hook failures.
    let presenter = TestPresenter()
    /// What the plugins defined, restored after each test so one test's definitions never
    /// reach the next.
    private var baseline: DefinitionSnapshot?

    init(paths: LimberPaths, memoryLimit: Int, timeZone: TimeZone) throws(LuaError) {
        host = try LimberHost(paths: paths, memoryLimit: memoryLimit)
        clock = VirtualClock(timeZone: timeZone)
        start = clock.date
        // Timers, sessions, limber.now() and the log's timestamps all run on the test's clock.
        let clock = self.clock
        host.clock = clock
        host.sessionLog.now = { clock.date }
        host.sessionLog.timeZone = clock.timeZone
        try useEmptyLog()
        host.reminders.notify = { [weak self] message in self?.sent.append(message) }
        host.sessions.presenter = presenter
        try installRuntime()
    }

    /// Today's plan of a routine at the virtual time, after its progressions: the routine's
    /// fields, plus `changes` (what each progression changed, and why), `applied` and `problems`.
    ///
    /// The routine is a registered id, or a table read as `limber.routine` reads it.
    func progressedPlan(_ argument: LuaValue) throws(LuaError) -> LuaValue {
        let routine: Routine
        switch argument {
        case .string(let id):
            do {
                routine = try host.sessions.routines.require(id.description)
            } catch {
                throw .conversion(error.description)
            }
        case .table(var table):
            table["override"] = .nil
            routine = try LuaValueDecoder().decode(HostAPI.RoutineFields.self, from: .table(table))
                .routine(source: host.currentSource ?? "a test")
            do throws(RoutineError) {
                try routine.validate(against: host.catalogue)
            } catch {
                throw .conversion(HostAPI.routineMessage(error))
            }
        default:
            throw .conversion("expected a routine id or a routine table, got \(argument.typeName)")
        }
        let progressed = host.progressed(routine, now: clock.date)
        guard case .table(var table) = try LuaValueEncoder().encode(progressed.routine) else {
            throw .conversion("limber test: cannot encode the plan of \(routine.id)")
        }
        var changes: [LuaValue] = []
        for change in progressed.changes { changes.append(try LuaValueEncoder().encode(change)) }
        table["changes"] = .table(LuaTable(array: changes))
        table["applied"] = .table(LuaTable(array: progressed.progressions.map { .string($0.id) }))
        table["problems"] = .table(LuaTable(array: progressed.problems.map { .string($0) }))
        return .table(table)
    }

    /// Evaluates every reminder at the virtual time, as `limber remind` would; with `deliver`,
    /// the due ones are sent and recorded as delivered. Returns one table per reminder, by id.
    func evaluateReminders(deliver: Bool) -> LuaTable {
        let now = clock.date
        var outcomes = LuaTable()
        for outcome in host.evaluateReminders(at: now, in: clock.timeZone, state: reminderState) {
            var table = LuaTable()
            table["id"] = .string(outcome.id)
            table["occurrence"] = outcome.period.map { .integer(CheckedNumber.saturatingStamp($0.occurrence)) } ?? .nil
            switch outcome.status {
            case .due(let message):
                table["status"] = "due"
                table["message"] = .string(message)
                if deliver {
                    sent.append(message)
                    if let period = outcome.period {
                        reminderState.record(outcome.id, occurrence: period.occurrence, firedAt: now)
                    }
                }
            case .notDue: table["status"] = "not_due"
            case .alreadyFired: table["status"] = "already_fired"
            case .missed: table["status"] = "missed"
            case .notStarted: table["status"] = "not_started"
            case .snoozed: table["status"] = "snoozed"
            case .failed(let message):
                table["status"] = "failed"
                table["error"] = .string(message)
            }
            outcomes[outcome.id] = .table(table)
        }
        return outcomes
    }

    /// Gives `limber.log` a new, empty log in memory.
    private func useEmptyLog() throws(LuaError) {
        do {
            host.sessionLog.use(try SessionLog())
        } catch {
            throw .conversion("cannot open a log in memory: \(error)")
        }
    }

    private func installRuntime() throws(LuaError) {
        let clock = self.clock
        let now = HostFunction.scalar("clock.now") { _ in .integer(CheckedNumber.saturatingStamp(clock.date)) }
        let set = HostFunction("clock.set") { call in
            let when = call.argument(1)
            if let seconds = when.doubleValue {
                do throws(CheckedNumberError) {
                    clock.set(try CheckedNumber.date(seconds: seconds, field: "time"))
                } catch {
                    throw LuaError.conversion("bad argument #1 'time' (\(error.reason))")
                }
                return [.boolean(true)]
            }
            let text = try call.string(1, "time")
            do throws(LuaError) {
                try clock.set(text)
                return [.boolean(true)]
            } catch {
                return [.boolean(false), .string(error.message)]
            }
        }
        let advance = HostFunction.scalar("clock.advance") { arguments in
            let seconds = try arguments.number(1, "seconds")
            // Going back does nothing, as before; going forward is bounded to a century.
            if seconds.isFinite && seconds <= 0 { return .nothing }
            do throws(CheckedNumberError) {
                clock.advance(
                    by: try CheckedNumber.duration(seconds: seconds, field: "seconds", in: 0...Self.longestAdvance))
            } catch {
                throw LuaError.conversion("bad argument #1 'seconds' (\(error.reason))")
            }
            return .nothing
        }
        let parse = HostFunction("parse_time") { call in
            let text = try call.string(1, "time")
            guard let date = VirtualClock.parse(text, timeZone: clock.timeZone) else {
                return [.nil, .string("'\(text)' is not a time: use 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD'")]
            }
            return [.integer(CheckedNumber.saturatingStamp(date))]
        }
        let evaluate = HostFunction("evaluate_reminders") { [weak self] call in
            guard let self else { return [] }
            return [.table(self.evaluateReminders(deliver: call.argument(1) == .boolean(true)))]
        }
        let sent = HostFunction("sent") { [weak self] _ in
            [.table(LuaTable(array: (self?.sent ?? []).map { .string($0) }))]
        }
        let plan = HostFunction("plan") { [weak self] call in
            guard let self else { return [] }
            return [try self.progressedPlan(call.argument(1))]
        }
        let zone = clock.timeZone
        let zoneOffset = HostFunction.scalar("zone_offset") { arguments in
            let seconds = try arguments.number(1, "time")
            do throws(CheckedNumberError) {
                let date = try CheckedNumber.date(seconds: seconds, field: "time")
                return .integer(Int64(zone.secondsFromGMT(for: date)))
            } catch {
                throw LuaError.conversion("bad argument #1 'time' (\(error.reason))")
            }
        }
        let localTime = HostFunction("local_time") { call in
            let table = try call.table(1, "date")
            func field(_ name: String, default value: Int?) throws(LuaError) -> Int? {
                let raw = table[name]
                if raw.isNil { return value }
                guard let number = raw.integerValue else {
                    throw .conversion("field '\(name)' is not an integer")
                }
                // os.time-style fields may overflow into the next unit, but not past what a calendar can hold.
                let range = name == "year" ? 1970...9999 : -1_000_000...1_000_000
                do {
                    return try CheckedNumber.integer(number, field: name, in: range)
                } catch {
                    throw .conversion(error.description)
                }
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var components = DateComponents()
            components.year = try field("year", default: nil)
            components.month = try field("month", default: nil)
            components.day = try field("day", default: nil)
            components.hour = try field("hour", default: 12)
            components.minute = try field("min", default: 0)
            components.second = try field("sec", default: 0)
            for (name, value) in [("day", components.day), ("month", components.month), ("year", components.year)]
            where value == nil {
                return [.nil, .string("field '\(name)' missing in date table")]
            }
            guard let date = calendar.date(from: components), let stamp = try? CheckedNumber.stamp(date, field: "date") else {
                return [.nil, .string("time out of range")]
            }
            return [.integer(stamp)]
        }
        var native = LuaTable()
        native["zone_offset"] = .function(.host(zoneOffset))
        native["local_time"] = .function(.host(localTime))
        native["plan"] = .function(.host(plan))
        native["clock_now"] = .function(.host(now))
        native["clock_set"] = .function(.host(set))
        native["clock_advance"] = .function(.host(advance))
        native["parse_time"] = .function(.host(parse))
        native["evaluate_reminders"] = .function(.host(evaluate))
        native["sent"] = .function(.host(sent))
        for (name, function) in runSeedFunctions() { native[name] = function }
        native["printer"] = try host.lua.load(EmbeddedLua.printer)
        native["terminal_safe"] = .function(.host(TerminalEscaper.function))
        let chunk = try host.lua.load(PluginTestRuntime.source.bytes, chunkName: PluginTestRuntime.source.chunkName)
        let result = try host.lua.call(chunk, [.table(native)])
        guard case .table(let control) = result.first ?? .nil, case .table(let globals) = control["globals"] else {
            throw .conversion("limber test: the test runtime did not start")
        }
        self.control = control
        for (key, value) in globals.sortedEntries {
            try host.lua.setGlobal(key.description, value)
            self.globals[key.description] = value
        }
    }

    /// Loads the plugin folders, then the tested plugin unless one of the folders held it.
    func loadPlugins(folders: [URL], testedPlugin: PluginFile?) -> [PluginReport] {
        let loader = PluginLoader(host: host)
        let plugins = folders.flatMap(PluginFile.discover(in:))
        var reports = plugins.map(loader.load)
        if let testedPlugin,
            !plugins.contains(where: { $0.entry.standardizedFileURL.path == testedPlugin.entry.standardizedFileURL.path })
        {
            reports.append(loader.load(testedPlugin))
        }
        return reports
    }

    var testCount: Int {
        guard let count = try? host.lua.call(control["count"]).first?.integerValue else { return 0 }
        return Int(count)
    }

    func testName(_ index: Int) -> String {
        guard let name = try? host.lua.call(control["name"], [.integer(Int64(index))]).first?.stringValue else {
            return "test \(index)"
        }
        return name
    }

    /// Puts the clock back to where every test starts, gives the test an empty log, and undoes
    /// the exercises, routines, progressions, reminders and hooks the previous test defined.
    func reset() throws(LuaError) {
        try? host.sessionLog.finishRecordings(completed: true)
        clock.set(start)
        try useEmptyLog()
        reminderState = ReminderState()
        sent = []
        presenter.reset()
        // A plugin its budget stopped in one test runs again in the next.
        host.lua.forgetStoppedOwners()
        if let baseline {
            host.restoreDefinitions(baseline)
        } else {
            baseline = host.snapshotDefinitions()
        }
    }

    func run(_ index: Int, cpuLimit: Double) throws(LuaError) {
        try host.lua.call(control["run"], [.integer(Int64(index))], cpuLimit: cpuLimit)
    }

    /// What failed in a test that ran to its end: an expectation whose error something caught
    /// (a `pcall`, or limber running a `limber.on` hook), or a hook that raised.
    func hiddenFailure() -> PluginTestRunner.Failure? {
        if let expectation = expectationFailure() { return expectation }
        guard let hook = presenter.hookFailures.first else { return nil }
        return PluginTestRunner.Failure(message: hook)
    }

    /// The failed expectation that stopped the last test, if that is what stopped it.
    func expectationFailure() -> PluginTestRunner.Failure? {
        guard let result = try? host.lua.call(control["failure"]), let place = result.first?.stringValue,
            let message = result.dropFirst().first?.stringValue
        else { return nil }
        return PluginTestRunner.Failure(message: "\(place): \(message)")
    }
}
