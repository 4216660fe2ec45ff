import LimberCore

extension HostAPI {
    static var sessionFunctions: [APIFunction] {
        [
            APIFunction(
                "session.start",
                summary:
                    "Runs a routine as a guided session and returns when it ends; limber.on hooks run on this thread as it goes.",
                parameters: [
                    .init("routine_id", "string", "a routine defined with limber.routine"),
                    .init("options", "limber.SessionOptions?", "hold, get_ready, switch, pace, log"),
                ],
                results: [.init("limber.SessionResult", "how it ended")],
                example: "local result = limber.session.start('runner-cooldown', { get_ready = 0 })"
            ) { host, call in
                let id = try call.string(1, "routine_id")
                let fields = try LuaValueDecoder().decode(SessionFields.self, from: .table(try call.optionalTable(2, "options")))
                let options = SessionOptions(
                    plan: SessionPlan.Options(
                        getReady: fields.getReady ?? SessionPlan.Options().getReady,
                        switchSides: fields.switchSides ?? SessionPlan.Options().switchSides,
                        hold: fields.hold),
                    pace: fields.pace ?? 1, log: fields.log)
                guard !host.sessions.isRunning else {
                    throw LuaError.conversion("a session is already running")
                }
                let plan: SessionPlan
                do throws(RoutineError) {
                    plan = try host.plan(routine: id, options: options.plan)
                } catch {
                    throw LuaError.conversion(routineMessage(error))
                }
                let caller = call
                let budget = host.pluginCPULimit
                host.sessions.isRunning = true
                defer { host.sessions.isRunning = false }
                let outcome: SessionOutcome
                do {
                    outcome = try host.runSession(plan, options: options) { function, arguments, owner throws(LuaError) in
                        try host.lua.inSandbox { () throws(LuaError) -> [LuaValue] in
                            try caller.call(function, arguments, cpuLimit: budget, owner: owner)
                        }
                    }
                } catch let error as LuaError {
                    throw error
                } catch let error as RoutineError {
                    throw LuaError.conversion(routineMessage(error))
                } catch {
                    throw LuaError.conversion(String(describing: error))
                }
                guard case .table(var result) = LimberHost.table(for: .sessionDone(outcome.done), routine: plan.routine.id) else {
                    return []
                }
                result["event"] = .nil
                if let logged = outcome.logged { result["session"] = .integer(logged.id) }
                return [.table(result)]
            },
            APIFunction(
                "on",
                summary:
                    "Calls fn(event) for every session event of this name; a hook that raises is reported and the session goes on.",
                parameters: [
                    .init(
                        "event",
                        "'session_start'|'step_start'|'tick'|'side_switch'|'step_done'|'paused'|'resumed'|'session_done'",
                        "which event"),
                    .init("fn", "fun(event: limber.SessionEvent)", "the hook; gets the event's fields"),
                ],
                example: "limber.on('step_done', function(e) print(e.exercise, e.side, e.actual_seconds) end)"
            ) { host, call in
                let event = try call.string(1, "event")
                guard case .function = call.argument(2) else {
                    throw LuaError.badArgument(2, "fn", expected: "function", got: call.argument(2).typeName)
                }
                try host.sessions.addHook(event: event, function: call.argument(2), source: host.currentSource ?? "a script")
                return []
            },
        ]
    }

    static var sessionClasses: [APIClass] {
        [
            APIClass(
                "limber.SessionOptions", summary: "Options for `limber.session.start`.",
                fields: [
                    .init("hold", "integer?", "seconds for every timed hold instead of the routine's"),
                    .init("get_ready", "integer?", "seconds of get-ready countdown (default 10; 0 for none)"),
                    .init("switch", "integer?", "seconds to change sides on a two-sided step (default 5)"),
                    .init("pace", "number?", "how many times faster than real time (0.1-100; default 1)"),
                    .init("log", "boolean?", "write the session to the log (default: only at pace 1)"),
                ]),
            APIClass(
                "limber.SessionResult", summary: "How a guided session ended.",
                fields: [
                    .init("routine", "string", "the routine's id"),
                    .init("completed", "boolean", "ran to the end (false: ended early)"),
                    .init("sets_completed", "integer", "sets that ran their full time"),
                    .init("sets", "integer", "sets planned (one per side of each step)"),
                    .init("planned_seconds", "integer", "planned length"),
                    .init("elapsed_seconds", "integer", "time taken, pauses excluded, in plan seconds"),
                    .init("session", "integer?", "the logged session's id, when it was logged"),
                ]),
            APIClass(
                "limber.SessionEvent",
                summary:
                    "What a limber.on hook receives; `event` and `routine` always, the rest by event (step numbers count from 1; a set is one side of a step).",
                fields: [
                    .init(
                        "event", "string",
                        "session_start, step_start, tick, side_switch, step_done, paused, resumed, session_done"),
                    .init("routine", "string", "the routine's id"),
                    .init("step", "integer?", "step number (tick: during get-ready and rest, the step coming up)"),
                    .init("exercise", "string?", "exercise id (step_start, side_switch, step_done)"),
                    .init("side", "integer?", "1 or 2 (side 1 logs as left, 2 as right)"),
                    .init("sides", "integer?", "how many sides the step has"),
                    .init("unit", "'seconds'|'reps'|'breaths'?", "what amount, planned and actual count"),
                    .init("amount", "integer?", "step_start: the dose of this set"),
                    .init("seconds", "integer?", "length of the set, segment or side switch"),
                    .init("phase", "'get_ready'|'hold'|'switch'|'rest'?", "tick: the part of the session"),
                    .init("remaining", "integer?", "tick: whole seconds left in the segment"),
                    .init("from", "integer?", "side_switch: the side just done"),
                    .init("to", "integer?", "side_switch: the side to do next"),
                    .init("planned", "integer?", "step_done: planned dose"),
                    .init("actual", "integer?", "step_done: dose done (cut short: the share done)"),
                    .init("planned_seconds", "integer?", "step_done and session_start/done: planned seconds"),
                    .init("actual_seconds", "integer?", "step_done: seconds held"),
                    .init("completed", "boolean?", "step_done: ran its full time; session_done: ran to the end"),
                    .init("rest", "integer?", "step_done: seconds of rest that follow"),
                    .init("name", "string?", "session_start: the routine's name"),
                    .init("pace", "number?", "session_start: pace factor"),
                    .init("get_ready", "integer?", "session_start: seconds of get-ready"),
                    .init("elapsed", "integer?", "paused/resumed: session seconds so far"),
                    .init("steps", "integer?", "session_start: how many steps the plan has"),
                    .init("sets", "integer?", "session_start: how many sets (a two-sided step has two); session_done: sets done"),
                    .init("sets_completed", "integer?", "session_done: sets that ran their full time"),
                    .init("elapsed_seconds", "integer?", "session_done: session seconds it took, pauses not counted"),
                ]),
        ]
    }

    private struct SessionFields: Decodable {
        var hold: Int?
        var getReady: Int?
        var switchSides: Int?
        var pace: Double?
        var log: Bool?

        enum CodingKeys: String, CodingKey {
            case hold, pace, log
            case getReady = "get_ready"
            case switchSides = "switch"
        }
    }
}
