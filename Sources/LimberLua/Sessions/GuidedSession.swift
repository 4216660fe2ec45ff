import Foundation
import LimberCore

/// How a guided session runs.
package struct SessionOptions: Sendable, Equatable {
    /// Get-ready, side-switch and hold overrides for the plan.
    package var plan: SessionPlan.Options
    /// How many times faster than real time (1 for real time).
    package var pace: Double
    /// Whether to write the session to the log; nil logs only sessions at real pace.
    package var log: Bool?

    package init(plan: SessionPlan.Options = .init(), pace: Double = 1, log: Bool? = nil) {
        self.plan = plan
        self.pace = pace
        self.log = log
    }

    /// Whether this session is written to the log.
    package var logs: Bool { log ?? (pace == 1) }
}

/// How a guided session went: its end, and the logged session if it was logged.
package struct SessionOutcome {
    package let done: SessionDone
    package let logged: LoggedSession?
}

/// Calls a Lua function from Swift: on the host's main thread, or on the coroutine that
/// called the host function that is running; the third argument is the plugin that owns it.
package typealias LuaInvoker = (LuaValue, [LuaValue], String) throws(LuaError) -> [LuaValue]

extension LimberHost {
    /// The plan of a registered routine.
    package func plan(routine id: String, options: SessionPlan.Options = .init()) throws(RoutineError) -> SessionPlan {
        try todaysPlan(routine: id, options: options).plan
    }

    /// Today's plan of a routine: its progressions applied at the log's "now" (see
    /// ``progressed(_:now:)``), then laid out as a timeline; with what each progression changed.
    package func todaysPlan(routine id: String, options: SessionPlan.Options = .init()) throws(RoutineError)
        -> (plan: SessionPlan, progression: ProgressedRoutine)
    {
        let routine = try sessions.routines.require(id)
        let progressed = progressed(routine, now: sessionLog.now())
        return (try SessionPlan(routine: progressed.routine, catalogue: catalogue, options: options), progressed)
    }

    /// Runs a guided session on this thread, which it blocks until the session ends.
    ///
    /// The timer runs on `clock` as async tasks whose jobs run on this very thread (see
    /// ``CallerThread``): no other thread is blocked, and every event reaches the presenter,
    /// the log and the `limber.on` hooks here, in order. A hook that raises is reported (with
    /// its `file:line`) and the session goes on; `os.exit` in a hook ends the session and is
    /// rethrown. `invoke` calls hooks; by default on the host state with the plugin CPU budget.
    package func runSession(_ plan: SessionPlan, options: SessionOptions = .init(), invoke: LuaInvoker? = nil) throws
        -> SessionOutcome
    {
        let hookCaller: LuaInvoker
        if let invoke {
            hookCaller = invoke
        } else {
            hookCaller = { [unowned self] function, arguments, owner throws(LuaError) in
                try self.callPlugin(function, arguments, owner: owner)
            }
        }
        let clock: any Clock<Duration> = self.clock
        return try runGuided(plan, options: options, clock: AnyClock(clock), invoke: hookCaller)
    }

    private func runGuided(
        _ plan: SessionPlan, options: SessionOptions, clock: AnyClock, invoke: LuaInvoker
    ) throws -> SessionOutcome {
        let driver = try SessionDriver(plan: plan, pace: options.pace, clock: clock)
        let logger =
            options.logs
            ? GuidedSessionLogger(
                log: try sessionLog.log(), routine: plan.routine.id, timeZone: sessionLog.timeZone, now: sessionLog.now)
            : nil
        let thread = CallerThread<SessionEvent>()
        let presenter = sessions.presenter
        let interrupter = HookInterrupter(state: lua, sleeps: sleepGate)
        presenter?.sessionWillStart(
            plan, pace: options.pace,
            controls: SessionControls { control in
                driver.send(control)
                if control == .abort { interrupter.end() }
            })
        let outerPrintTarget = sessions.printTarget
        sessions.printTarget = presenter
        defer {
            sessions.printTarget = outerPrintTarget
            presenter?.sessionDidEnd()
        }

        var stop: LuaError?
        var loggerFailed = false
        let done = try thread.run({ await driver.run { thread.post($0) } }) { event in
            presenter?.present(event)
            if let logger, !loggerFailed {
                do {
                    try logger.handle(event)
                } catch {
                    loggerFailed = true
                    report("cannot write the session to the log: \(error)", to: presenter)
                }
            }
            guard stop == nil else { return }
            let hooks = sessions.hooks(for: event.name)
            guard !hooks.isEmpty else { return }
            let table = Self.table(for: event, routine: plan.routine.id)
            // A stopped plugin's hooks were reported once, when it stopped; they no longer run.
            for hook in hooks where lua.stoppedOwners[hook.source] == nil {
                guard interrupter.begin() else { return }
                defer { interrupter.finish() }
                do throws(LuaError) {
                    _ = try during(.free) { () throws(LuaError) in try invoke(hook.function, [table], hook.source) }
                } catch {
                    if case .exit = error {
                        stop = error
                        driver.send(.abort)
                        return
                    }
                    let message = error.message
                    let located = message.range(of: #"^[^:\s]+:[0-9]+:"#, options: .regularExpression) != nil
                    report(
                        PluginErrorText.clean(message)
                            + (located ? " (\(event.name) hook)" : " (\(event.name) hook from \(hook.source))"), to: presenter)
                }
            }
        }
        if let stop { throw stop }
        guard let done else { throw LuaError.conversion("the session did not run") }
        return SessionOutcome(done: done, logged: logger?.session)
    }

    private func report(_ message: String, to presenter: (any SessionPresenter)?) {
        if let presenter {
            presenter.hookFailed(message)
        } else {
            FileHandle.standardError.write(Data("limber: \(message)\n".utf8))
        }
    }

    /// An event as a hook receives it: its fields, with `routine` after `event`.
    static func table(for event: SessionEvent, routine: String) -> LuaValue {
        var table = LuaTable()
        for (name, value) in event.fields {
            table[name] = LuaValue(value)
        }
        table["routine"] = .string(routine)
        return .table(table)
    }
}

extension LuaValue {
    /// An event field as a Lua value.
    init(_ value: SessionEventValue) {
        switch value {
        case .integer(let integer): self = .integer(Int64(integer))
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .boolean(let flag): self = .boolean(flag)
        }
    }
}
