/// The documentation of what a `*_test.lua` file sees besides `limber`: `test`, `expect`, and the
/// `clock`, `log`, `reminders` and `progressions` tables.
///
/// It generates `meta/limber_test.lua` for editors; a test checks it against the globals and
/// matchers the runtime really installs.
package enum PluginTestAPI {
    /// One documented global function (`test`) or table function (`clock.set`).
    package struct Function: Sendable, Equatable {
        package let path: String
        package let summary: String
        package let parameters: [APIField]
        package let results: [APIFunction.Result]
        package let example: String?

        init(
            _ path: String, summary: String, parameters: [APIField] = [], results: [APIFunction.Result] = [],
            example: String? = nil
        ) {
            self.path = path
            self.summary = summary
            self.parameters = parameters
            self.results = results
            self.example = example
        }
    }

    /// Global tables, with their LuaLS class and summary.
    package static let tables: [(name: String, summary: String)] = [
        (
            "clock",
            "The virtual clock every test runs on. Each test starts at \(VirtualClock.startText) in the test's time zone (UTC unless `limber test --time-zone` says otherwise); limber, os.time() and os.date() read this clock and zone."
        ),
        ("log", "The test's session log: in memory, empty when each test starts; `limber.log` reads and writes it."),
        ("progressions", "Today's plan of a routine after its progressions, at the virtual time, as `limber plan` shows it."),
        (
            "reminders",
            "The reminders plugins defined, evaluated at the virtual time as `limber remind` would; nothing is shown, and each test starts with none delivered."
        ),
    ]

    package static let functions: [Function] = [
        Function(
            "test",
            summary:
                "Declares a test. Tests run in file order, after the whole file has loaded; the first failed expectation or error ends a test.",
            parameters: [.init("name", "string", "what the test shows"), .init("fn", "fun()", "the test's body")],
            example:
                "test('the cool-down has seven steps', function()\n  expect(#limber.catalogue.find{ phase = 'cooldown' }).to_be(7)\nend)"
        ),
        Function(
            "expect",
            summary:
                "Starts an expectation about a value; a failed one stops the test and reports file:line, expected and actual.",
            parameters: [.init("actual", "any", "the value to check")],
            results: [.init("limber.test.Expectation", "the matchers")],
            example:
                "expect(plan.steps[1].hold).to_be(35)\nexpect(function() limber.catalogue.add{} end).to_fail_with(\"field 'id'\")"
        ),
        Function(
            "clock.now", summary: "The virtual time, in seconds since 1970 (what os.time() returns).",
            results: [.init("integer", "seconds since 1970")]),
        Function(
            "clock.set", summary: "Moves the clock to a local time.",
            parameters: [
                .init(
                    "when", "string|number",
                    "'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DD' (midnight) or seconds since 1970")
            ],
            results: [.init("integer", "the new time, in seconds since 1970")],
            example: "clock.set('2026-03-08 17:00')"),
        Function(
            "clock.advance", summary: "Moves the clock forward.",
            parameters: [
                .init(
                    "amount", "number|{ days: number?, hours: number?, minutes: number?, seconds: number? }",
                    "seconds, or a table of days, hours, minutes and seconds (a day is 86400 s)")
            ],
            results: [.init("integer", "the new time, in seconds since 1970")],
            example: "clock.advance{ days = 7 }\nclock.advance(90)"),
        Function(
            "clock.date", summary: "The virtual time formatted with os.date.",
            parameters: [.init("format", "string?", "an os.date format; default '%Y-%m-%d %H:%M:%S'")],
            results: [.init("string", "the formatted time")]),
        seed,
        Function(
            "progressions.plan",
            summary:
                "Today's plan of a routine at the virtual time, as a guided session would start it: every dose written out, then each progression for the routine applied in load order to the logged history, each change held to the discomfort rule.",
            parameters: [
                .init(
                    "routine", "string|limber.Routine",
                    "a registered routine's id, or a routine table as `limber.routine` takes it")
            ],
            results: [.init("limber.test.ProgressedPlan", "the routine with every dose written out, what changed and why")],
            example: "clock.set('2026-03-16 18:00')\nexpect(progressions.plan('runner-cooldown').steps[1].hold).to_be(35)"),
        Function(
            "reminders.check",
            summary: "Evaluates one reminder now, as `limber remind --dry-run` would: delivers and records nothing.",
            parameters: [.init("id", "string", "the reminder's id")],
            results: [.init("limber.test.ReminderOutcome", "its status, and its message when due")],
            example: "clock.set('2026-03-09 18:30')\nexpect(reminders.check('evening-stretch').status).to_be('due')"),
        Function(
            "reminders.run",
            summary:
                "Evaluates every reminder now, as a `limber remind` run from cron would: the due ones are sent (see `reminders.sent`) and recorded, so they are not due again in the same period.",
            results: [.init("table<string, limber.test.ReminderOutcome>", "every reminder's outcome, by id")]),
        Function(
            "reminders.sent",
            summary:
                "The messages sent in this test, in order: by `limber.notify` and by reminders that `reminders.run` delivered.",
            results: [.init("string[]", "the messages")]),
    ]

    static let seed = Function(
        "log.seed",
        summary:
            "Writes history into the test's log: each entry goes to `limber.log.record`, with `at` and `ended_at` (also in sets) given as seconds or as 'YYYY-MM-DD HH:MM' local times. A run (activity = 'run') may also have `sport`, `distance_m` and `file`, written as `limber runs import` writes them (with a file it reads as imported), and comes back as `limber.log.last` gives it.",
        parameters: [
            .init(
                "entries", "limber.test.SeedEntry[]|limber.test.SeedEntry",
                "whole sessions (routine and sets) or runs, or one of them")
        ],
        results: [.init("limber.Session[]", "what was written, as the log reads it back")],
        example: """
            log.seed{
              { routine = 'runner-cooldown', at = '2026-03-01 18:00', sets = { { exercise = 'cat-cow', reps = 10 } } },
              { routine = 'runner-cooldown', at = '2026-03-03 18:10', completed = false, sets = {} },
              { activity = 'run', at = '2026-03-04 07:00', minutes = 62, distance_m = 16000, file = '/watch/run.fit' },
            }
            """)

    /// What `log.seed` takes: `limber.LogEntry`'s fields, and a run's detail.
    static let seedEntry = APIClass(
        "limber.test.SeedEntry",
        summary:
            "What `log.seed` takes: an entry for `limber.log.record`, and for a run the sport, distance and file `limber runs import` writes.",
        fields: (HostAPI.logClasses.first { $0.name == "limber.LogEntry" }?.fields ?? []).map { field in
            guard ["at", "ended_at"].contains(field.name) else { return field }
            return APIField(field.name, "number|string?", field.summary + ", or a local time 'YYYY-MM-DD HH:MM'")
        } + [
            .init("sport", "string?", "a run's sport: 'running' (the default), 'trail_running', 'treadmill_running', ..."),
            .init("distance_m", "number?", "a run's distance in metres (0 to 10,000,000)"),
            .init("file", "string?", "the file the run came from: it reads as imported (source 'import')"),
        ])

    package static let classes: [APIClass] = [
        seedEntry,
        APIClass(
            "limber.test.Expectation", summary: "What `expect(actual)` returns; each matcher stops the test when it fails.",
            fields: [
                .init("to_be", "fun(expected: any)", "actual == expected (the same table, for tables)"),
                .init("to_equal", "fun(expected: any)", "deep equality; a failure names the first path that differs"),
                .init("to_be_nil", "fun()", "actual is nil"),
                .init("to_be_truthy", "fun()", "actual is neither nil nor false"),
                .init("to_be_falsy", "fun()", "actual is nil or false"),
                .init("to_contain", "fun(item: any)", "a string holds the text, or a table holds a value deep-equal to item"),
                .init("to_match", "fun(pattern: string)", "a string matches the Lua pattern"),
                .init(
                    "to_fail_with", "fun(pattern: string?)",
                    "actual is a function that raises an error holding the text (or matching the Lua pattern); any error without a pattern"
                ),
                .init("never", "limber.test.Expectation", "the same matchers, negated"),
            ]),
        APIClass(
            "limber.test.ProgressedPlan", summary: "What `progressions.plan` returns: the routine's fields, plus what changed.",
            fields: [
                .init("id", "string", "the routine's id"),
                .init("steps", "limber.RoutineStep[]", "every step, with its hold or reps written out"),
                .init(
                    "changes", "limber.test.ProgressionChange[]",
                    "every change each progression made, then those refused, in order"),
                .init("applied", "string[]", "the ids of the progressions that applied, in order"),
                .init("problems", "string[]", "progressions that failed and were skipped"),
            ]),
        APIClass(
            "limber.test.ProgressionChange", summary: "One change a progression made to the plan, or asked for and was refused.",
            fields: [
                .init("progression", "string", "its id"),
                .init("step", "integer", "1-based step number (for a removed step, in the plan before)"),
                .init("exercise", "string", "the step's exercise (for a swap, the one put in)"),
                .init("field", "'hold'|'reps'|'sides'|'rest'|'tempo'|'added'|'removed'|'swapped'", "what changed"),
                .init("from", "integer?", "the value before; for a whole step, its dose times its sides"),
                .init("to", "integer?", "the value after, as `from`"),
                .init("replaces", "string?", "for a swap, the exercise that was there"),
                .init("summary", "string", "the change in words, as `limber plan` shows it"),
                .init("reason", "string?", "why, in the progression's words or the discomfort rule's"),
                .init("refused", "boolean", "true when the discomfort rule refused it: the plan does not carry it"),
            ]),
        APIClass(
            "limber.test.ReminderOutcome", summary: "What evaluating a reminder found.",
            fields: [
                .init("id", "string", "the reminder's id"),
                .init(
                    "status", "'due'|'not_due'|'already_fired'|'missed'|'not_started'|'failed'",
                    "due now; its `due` said no; delivered already this period; its window passed; no scheduled time yet; its `due` or `message` failed"
                ),
                .init("message", "string?", "what it says, when due"),
                .init("error", "string?", "file:line: message, when it failed"),
                .init("occurrence", "integer?", "the scheduled time of the current period, seconds since 1970"),
            ]),
    ]

    /// The repository path of the committed stub.
    package static let stubPath = "meta/limber_test.lua"

    /// The LuaLS definitions of the test globals.
    package static func stub() -> String {
        var out = StubWriter()
        out.line("---@meta limber-test")
        out.line()
        out.line("-- What a limber plugin test (*_test.lua, run by `limber test`) sees besides `limber`.")
        out.line("-- Generated from Sources/LimberLua/TestRuntime/PluginTestAPI.swift; do not edit.")
        out.line("-- Regenerate with: swift run limber stub --tests --output \(stubPath)")
        for table in tables {
            out.line()
            out.doc(table.summary)
            out.line("---@class limber.test.\(table.name)")
            out.line("\(table.name) = {}")
        }
        for function in functions {
            out.line()
            LuaLSStub.renderFunction(
                function.path, summary: function.summary, parameters: function.parameters, results: function.results,
                example: function.example, into: &out)
        }
        for type in classes {
            out.line()
            LuaLSStub.renderClass(type, into: &out)
        }
        return out.text
    }
}
