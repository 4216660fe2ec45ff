import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("plugin test runner")
struct PluginTestRunnerTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Runs one test file (written into the scratch folder) and returns its results and totals.
    func run(_ source: String, file: String = "plugin_test.lua", configure: (inout PluginTestRunner) -> Void = { _ in })
        throws -> (results: [PluginTestRunner.Result], summary: PluginTestRunner.Summary)
    {
        let url = try folder.write(file, source)
        var runner = PluginTestRunner(shippedFolder: nil)
        configure(&runner)
        var results: [PluginTestRunner.Result] = []
        let summary = runner.run([url]) { event in
            if case .result(let result) = event { results.append(result) }
        }
        return (results, summary)
    }

    /// The failure's message with the scratch folder's path taken off: `plugin_test.lua:2: ...`.
    func message(_ result: PluginTestRunner.Result?) -> String {
        guard let message = result?.failure?.message else { return "(passed)" }
        let prefix = folder.url.standardizedFileURL.path + "/"
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    @Test func passingMatchersPass() throws {
        let (results, summary) = try run(
            """
            test("every matcher", function()
              expect(1 + 1).to_be(2)
              expect(2).to_be(2.0)
              expect({ a = 1, b = { 2, 3 } }).to_equal({ a = 1, b = { 2, 3 } })
              expect(nil).to_be_nil()
              expect(0).to_be_truthy()
              expect(false).to_be_falsy()
              expect("cat-cow").to_contain("-cow")
              expect({ "a", { id = "b" } }).to_contain({ id = "b" })
              expect("figure-four-stretch").to_match("^figure%-")
              expect(function() error("boom: bad field 'hold'") end).to_fail_with("bad field 'hold'")
              expect(function() error("x") end).to_fail_with()
              expect(1).never.to_be(2)
              expect({ 1 }).never.to_equal({ 2 })
              expect(limber.catalogue.get("cat-cow")).never.to_be_nil()
              expect(function() end).never.to_fail_with()
            end)
            test("second", function() end)
            """)
        #expect(results.map(\.name) == ["every matcher", "second"])
        #expect(results.allSatisfy { $0.passed }, "\(results)")
        #expect(summary == PluginTestRunner.Summary(passed: 2, failed: 0))
        #expect(summary.line == "2 passed, 0 failed")
    }

    @Test func aTestFileThatDefinesNoTestsFails() throws {
        for source in ["", "-- tests to come\n", "local helper = function() end\n"] {
            let (results, summary) = try run(source)
            #expect(summary.failed == 1 && summary.passed == 0, "\(source.debugDescription)")
            #expect(message(results.first).contains("plugin_test.lua: defines no tests"), "\(results)")
        }
    }

    @Test func failuresShowValuesWithTheREPLsPrinter() throws {
        let (results, _) = try run(
            """
            test("shown", function()
              expect({ ["end"] = 1, f = print, list = { 1, 2 } }).to_be(nil)
            end)
            """)
        // One printer: keywords as keys are quoted, functions named, as the REPL prints them.
        #expect(message(results.first).contains(#"{ ["end"] = 1, f = <function print>, list = { 1, 2 } }"#), "\(results)")
    }

    @Test func failuresNameTheLineAndWhatDiffered() throws {
        let (results, summary) = try run(
            """
            test("to_be", function()
              expect("cat_cow").to_be("cat-cow")
            end)
            test("deep", function()
              local plan = { steps = { { hold = 30 }, { hold = 30, exercise = "cat-cow" } } }
              expect(plan).to_equal({ steps = { { hold = 30 }, { hold = 35, exercise = "cat-cow" } } })
            end)
            test("extra key", function()
              expect({ a = 1, ["two words"] = 2 }).to_equal({ a = 1 })
            end)
            test("same contents", function()
              expect({ 1, 2 }).to_be({ 1, 2 })
            end)
            test("never", function()
              expect(3).never.to_be(3)
            end)
            test("nil", function()
              expect({ hold = 30.0 }).to_be_nil()
            end)
            test("contain", function()
              expect({ "a", "b" }).to_contain("c")
            end)
            test("wrong error", function()
              expect(function() error("other trouble", 0) end).to_fail_with("boom")
            end)
            test("no error", function()
              expect(function() end).to_fail_with("boom")
            end)
            test("misuse", function()
              expect(42).to_fail_with("boom")
            end)
            test("stops at the first failure", function()
              expect(1).to_be(2)
              expect(3).to_be(4)
            end)
            """)
        #expect(summary == PluginTestRunner.Summary(passed: 0, failed: 11))
        #expect(message(results[0]) == #"plugin_test.lua:2: expected "cat-cow", got "cat_cow""#)
        #expect(message(results[1]) == "plugin_test.lua:6: values differ at .steps[2].hold: expected 35, got 30")
        #expect(message(results[2]) == #"plugin_test.lua:9: values differ at ["two words"]: expected nil, got 2"#)
        #expect(
            message(results[3])
                == "plugin_test.lua:12: expected { 1, 2 }, got { 1, 2 } (equal contents but not the same table: use to_equal)")
        #expect(message(results[4]) == "plugin_test.lua:15: expected a value other than 3")
        #expect(message(results[5]) == "plugin_test.lua:18: expected nil, got { hold = 30.0 }")
        #expect(message(results[6]) == #"plugin_test.lua:21: expected { "a", "b" } to contain "c""#)
        #expect(message(results[7]) == #"plugin_test.lua:24: expected an error matching "boom", got "other trouble""#)
        #expect(
            message(results[8])
                == #"plugin_test.lua:27: expected an error matching "boom", but the function returned without one"#)
        #expect(message(results[9]) == "plugin_test.lua:30: to_fail_with needs a function, got 42")
        #expect(message(results[10]) == "plugin_test.lua:33: expected 2, got 1")
    }

    @Test func errorsInTestsAndInTheAPIPointAtTheTestFile() throws {
        let (results, _) = try run(
            """
            test("runtime", function()
              local t = nil
              return t.x
            end)
            test("api", function()
              limber.catalogue.get(42)
            end)
            local function helper() error({}) end
            test("odd error", function()
              helper()
            end)
            """)
        #expect(message(results[0]) == "plugin_test.lua:3: attempt to index a nil value (local 't')")
        #expect(
            message(results[1]) == "plugin_test.lua:6: limber.catalogue.get: bad argument #1 'id' (string expected, got number)")
        #expect(message(results[2]) == "plugin_test.lua:8: (error object is a table value)")
        #expect(results[2].failure?.detail.count == 1)
        #expect(results[2].failure?.detail.first?.hasSuffix("/plugin_test.lua:10") == true, "\(results[2])")
        #expect(results[0].failure?.detail == [], "the error is on the test's own line")
    }

    @Test func aSyntaxErrorOrABrokenTopLevelIsOneFailureWithItsLine() throws {
        let (syntax, syntaxSummary) = try run("test('x', function()\n  expect(1).to_be(1)\nend\n", file: "syntax_test.lua")
        #expect(syntaxSummary == PluginTestRunner.Summary(passed: 0, failed: 1))
        #expect(syntax.first?.name == "load test file")
        #expect(message(syntax.first).hasPrefix("syntax_test.lua:4: ')' expected"))

        let (top, _) = try run("local x = nil\nprint(x.y)\ntest('never runs', function() end)\n", file: "top_test.lua")
        #expect(top.map(\.name) == ["run test file"])
        #expect(message(top.first) == "top_test.lua:2: attempt to index a nil value (local 'x')")
    }

    @Test func theClockStartsFixedMovesOnRequestAndResetsForEachTest() throws {
        let (results, _) = try run(
            """
            test("start", function()
              expect(os.date("%Y-%m-%d %H:%M")).to_be("2026-01-05 09:00")
              expect(clock.now()).to_be(os.time())
              clock.set("2026-03-08 17:00")
              expect(os.date("%Y-%m-%d %H:%M:%S")).to_be("2026-03-08 17:00:00")
              local before = clock.now()
              clock.advance{ days = 1, hours = 1, minutes = 1 }
              expect(clock.now() - before).to_be(90060)
              clock.advance(59)
              expect(clock.date()).to_be("2026-03-09 18:01:59")
              clock.set("2026-03-01")
              expect(clock.date("%H:%M")).to_be("00:00")
            end)
            test("reset", function()
              expect(clock.date()).to_be("2026-01-05 09:00:00")
            end)
            test("bad time", function()
              expect(function() clock.set("next tuesday") end).to_fail_with("clock.set: 'next tuesday' is not a time")
              expect(function() clock.set("2026-02-30 10:00") end).to_fail_with("is not a time")
              expect(function() clock.advance(-1) end).to_fail_with("clock.advance: expected seconds")
            end)
            """)
        #expect(results.allSatisfy { $0.passed }, "\(results.map(\.failure))")
        #expect(results.count == 3)
    }

    @Test func theLogIsInMemorySeededWithLocalTimesAndEmptyForEachTest() throws {
        let (results, _) = try run(
            """
            test("seed", function()
              clock.set("2026-03-08 17:00")
              local written = log.seed{
                { routine = "runner-cooldown", at = "2026-03-01 18:00", sets = { { exercise = "cat-cow", reps = 10 } } },
                { routine = "runner-cooldown", at = "2026-03-07 18:00", completed = false,
                  sets = { { exercise = "childs-pose", hold = 45, at = "2026-03-07 18:05" } } },
              }
              expect(#written).to_be(2)
              local sessions = limber.log.sessions{ routine = "runner-cooldown" }
              expect(#sessions).to_be(2)
              expect(sessions[1].day).to_be("2026-03-01")
              expect(sessions[2].outcome).to_be("ended_early")
              expect(limber.log.last("runner-cooldown").sets[1].at).to_be(os.time{ year = 2026, month = 3, day = 7, hour = 18, min = 5 })
            end)
            test("one entry, and record stamps the virtual now", function()
              expect(#limber.log.sessions()).to_be(0)
              log.seed{ activity = "run", minutes = 30, at = "2026-01-04" }
              limber.log.record{ routine = "evening", exercise = "cat-cow", reps = 5 }
              local sets = limber.log.sets{ routine = "evening" }
              expect(sets[1].at).to_be(clock.now())
              expect(#limber.log.sessions{ activity = "run" }).to_be(1)
            end)
            test("a bad time", function()
              log.seed{ routine = "r", at = "yesterday-ish", sets = {} }
            end)
            test("a bad entry", function()
              log.seed{ { routine = "r", sets = {} }, { routine = "r", sets = { { exercise = "nope", reps = 1 } } } }
            end)
            """)
        #expect(results[0].passed && results[1].passed, "\(results.map(\.failure))")
        #expect(
            message(results[2])
                == "plugin_test.lua:24: log.seed: at: 'yesterday-ish' is not a time: use 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD'"
        )
        #expect(
            message(results[3])
                == "plugin_test.lua:27: log.seed: entry 2: limber.log.record: field 'sets[1].exercise': unknown exercise 'nope'")
    }

    @Test func seededRunsCarryTheirDistanceSportAndFileAsTheLogGivesThem() throws {
        let (results, _) = try run(
            """
            test("an imported run", function()
              local seeded = log.seed{ activity = "run", at = "2026-03-09 07:00", minutes = 62, distance_m = 16093.4,
                sport = "trail_running", file = "/media/GARMIN/Activity/a, \\"b\\".fit", notes = "hilly" }
              local last = limber.log.last("run")
              expect(seeded[1]).to_equal(last)
              expect(last.source).to_be("import")
              expect(last.distance_m).to_be(16093.4)
              expect(last.sport).to_be("trail_running")
              expect(last.file).to_be("/media/GARMIN/Activity/a, \\"b\\".fit")
              expect(last.seconds).to_be(3720)
              expect(limber.log.sessions{ activity = "run" }[1].distance_m).to_be(16093.4)
            end)
            test("a run with a distance and no file, and one without either", function()
              local written = log.seed{
                { activity = "run", at = "2026-03-09 07:00", minutes = 30, distance_m = 5000 },
                { activity = "run", at = "2026-03-10 07:00", minutes = 30 },
              }
              expect(written[1].source).to_be("script")
              expect(written[1].sport).to_be("running")
              expect(written[1].file).to_be_nil()
              expect(written[2].distance_m).to_be_nil()
              expect(written[2]).to_equal(limber.log.last("run"))
              expect(limber.log.sessions{ activity = "run" }[1].distance_m).to_be(5000)
            end)
            test("a distance on a session that is not a run", function()
              log.seed{ routine = "r", sets = {}, distance_m = 100 }
            end)
            test("a distance the log cannot keep", function()
              log.seed{ { activity = "run", minutes = 5 }, { activity = "run", minutes = 5, distance_m = -1 } }
            end)
            test("nothing is written when a run is refused", function()
              local ok = pcall(log.seed, { activity = "run", minutes = 5, sport = " " })
              expect(ok).to_be(false)
              expect(#limber.log.sessions()).to_be(0)
            end)
            """)
        #expect(results[0].passed && results[1].passed && results[4].passed, "\(results.map(\.failure))")
        #expect(
            message(results[2]) == "plugin_test.lua:26: log.seed: sport, distance_m and file belong to a run (activity = 'run')")
        #expect(
            message(results[3])
                == "plugin_test.lua:29: log.seed: entry 2: invalid distance_m: expected a number from 0 to 10000000, got -1",
            "\(message(results[3]))")
    }

    @Test func localTimesAreInTheTestZoneUTCUnlessChosenWhateverTheMachines() throws {
        let (utc, _) = try run(
            """
            test("utc", function()
              clock.set("2026-07-01 12:00")
              expect(clock.now()).to_be(1782907200)
              expect(os.date("%H:%M")).to_be("12:00")
              expect(os.time{ year = 2026, month = 7, day = 1, hour = 12 }).to_be(1782907200)
              expect(os.time{ year = 2026, month = 6, day = 31 }).to_be(1782907200) -- day 31 of June is July 1; noon by default
            end)
            """)
        #expect(utc.allSatisfy { $0.passed }, "\(utc.map(\.failure))")
        let (newYork, _) = try run(
            """
            test("new york", function()
              clock.set("2026-03-08 01:30")
              expect(clock.now()).to_be(os.time{ year = 2026, month = 3, day = 8, hour = 1, min = 30 })
              expect(os.date("!%H:%M")).to_be("06:30")
              clock.advance{ hours = 1 }
              expect(os.date("%H:%M")).to_be("03:30") -- the clocks went forward
              expect(os.date("*t").hour).to_be(3)
              expect(os.time{ year = 2026, month = 3, day = 8 } - os.time{ year = 2026, month = 3, day = 7 }).to_be(82800)
              expect(function() os.time{ year = 2026 } end).to_fail_with("field 'day' missing in date table")
            end)
            """, file: "zone_test.lua"
        ) { $0.timeZone = TimeZone(identifier: "America/New_York") ?? .current }
        #expect(newYork.allSatisfy { $0.passed }, "\(newYork.map(\.failure))")
    }

    @Test func remindersAreEvaluatedAtTheVirtualTimeAndWhatTheySendIsKept() throws {
        try folder.write(
            "nag.lua",
            """
            limber.reminder{ id = 'evening-stretch', schedule = 'weekdays 18:30',
              due = function(ctx) return #limber.log.sessions{ since = ctx.today } == 0 end,
              message = function(ctx) return 'Stretch? ' .. os.date('%H:%M', ctx.now) end }
            limber.reminder{ id = 'broken', schedule = 'daily 07:00', due = function() error('oops') end, message = 'x' }
            """)
        let (results, _) = try run(
            """
            test("due on a weekday evening, once", function()
              clock.set("2026-03-09 18:31")
              local r = reminders.check("evening-stretch")
              expect(r.status).to_be("due")
              expect(r.message).to_be("Stretch? 18:31")
              expect(reminders.check("evening-stretch").status).to_be("due")
              expect(reminders.sent()).to_equal({})
              local all = reminders.run()
              expect(all["evening-stretch"].status).to_be("due")
              expect(all.broken.status).to_be("failed")
              expect(all.broken.error).to_contain("nag.lua:4: oops")
              expect(reminders.sent()).to_equal({ "Stretch? 18:31" })
              expect(reminders.check("evening-stretch").status).to_be("already_fired")
              clock.advance{ days = 1 }
              expect(reminders.check("evening-stretch").status).to_be("due")
              limber.notify("hello")
              expect(reminders.sent()).to_equal({ "Stretch? 18:31", "hello" })
            end)
            test("not due after a session; nothing delivered yet", function()
              clock.set("2026-03-09 18:31")
              expect(reminders.sent()).to_equal({})
              log.seed{ routine = "c", at = "2026-03-09 07:00", sets = { { exercise = "cat-cow", reps = 10 } } }
              expect(reminders.check("evening-stretch").status).to_be("not_due")
            end)
            test("an unknown id", function()
              reminders.check("nope")
            end)
            """, file: "nag_test.lua")
        #expect(results[0].passed && results[1].passed, "\(results.map(\.failure))")
        #expect(message(results[2]) == "nag_test.lua:26: reminders.check: no reminder 'nope' (defined: broken, evening-stretch)")
    }

    @Test func progressionsPlanTodayFromTheTestsLogAndClock() throws {
        try folder.write(
            "plus-one.lua",
            """
            limber.progression{ id = 'plus-one', routine = 'evening', describe = '+1 s per completed session',
              adjust = function(plan, history, ctx)
                for _, step in ipairs(plan.steps) do
                  if step.hold then step.hold = step.hold + #history end
                end
                return plan, #history .. ' sessions by ' .. ctx.today
              end }
            """)
        let (results, _) = try run(
            """
            local evening = { id = "evening", name = "Evening", steps = { { exercise = "childs-pose", hold = 40 }, { exercise = "cat-cow" } } }
            test("plan", function()
              clock.set("2026-03-09 20:00")
              log.seed{ { routine = "evening", at = "2026-03-08 20:00", sets = {} }, { routine = "evening", at = "2026-03-09 19:00", sets = {} } }
              local plan = progressions.plan(evening)
              expect(plan.applied).to_equal({ "plus-one" })
              expect(plan.steps[1].hold).to_be(42)
              expect(plan.steps[2].reps).to_be(8)
              expect(plan.changes).to_equal({ { progression = "plus-one", step = 1, exercise = "childs-pose", field = "hold",
                from = 40, to = 42, summary = "childs-pose hold 40 → 42 s", reason = "2 sessions by 2026-03-09", refused = false } })
              expect(plan.problems).to_equal({})
              expect(progressions.plan{ id = "other", name = "Other", steps = { { exercise = "cat-cow" } } }.applied).to_equal({})
            end)
            test("a bad routine", function()
              progressions.plan{ id = "evening", name = "Evening", steps = { { exercise = "nope" } } }
            end)
            """, file: "plus-one_test.lua")
        #expect(results[0].passed, "\(results.map(\.failure))")
        #expect(message(results[1]).hasPrefix("plus-one_test.lua:15: progressions.plan: "), "\(message(results[1]))")
        #expect(message(results[1]).contains("unknown exercise 'nope'"))
    }

    @Test func sessionsRunOnTheVirtualClockAndHookFailuresFailTheirTest() throws {
        let (results, summary) = try run(
            """
            local short = { id = "short", name = "Short", steps = { { exercise = "childs-pose", hold = 30 } } }
            test("an expectation in a hook", function()
              limber.routine(short)
              limber.on("step_done", function(e) expect(e.actual_seconds).to_be(31) end)
              expect(limber.session.start("short", { log = false }).completed).to_be(true)
            end)
            test("earlier tests' routines and hooks are gone", function()
              expect(function() limber.session.start("short", { log = false }) end).to_fail_with("short")
              limber.routine(short)
              local calls = 0
              limber.on("step_done", function() calls = calls + 1 end)
              limber.session.start("short", { log = false })
              expect(calls).to_be(1)
            end)
            test("a hook that raises", function()
              limber.routine(short)
              limber.on("session_done", function() error("boom") end)
              limber.session.start("short", { log = false })
            end)
            test("a caught expectation still counts", function()
              pcall(function() expect(1).to_be(2) end)
            end)
            test("timers and sessions take no real time", function()
              limber.routine(short)
              local before = limber.now()
              limber.timer.sleep(600)
              expect(limber.now() - before).to_be(600)
              expect(clock.date("%H:%M")).to_be("09:10")
              local result = limber.session.start("short")
              expect(clock.now() - before).to_be(600 + result.planned_seconds)
              expect(#limber.log.sessions{ routine = "short" }).to_be(1)
            end)
            """)
        #expect(summary == PluginTestRunner.Summary(passed: 2, failed: 3))
        #expect(message(results[0]) == "plugin_test.lua:4: expected 31, got 30")
        #expect(results[1].passed, "\(results[1])")
        #expect(message(results[2]) == "plugin_test.lua:17: boom (session_done hook)")
        #expect(message(results[3]) == "plugin_test.lua:21: expected 2, got 1")
        #expect(results[4].passed, "\(results[4])")
    }

    @Test func pluginsSeeTheVirtualClockAndTheTestedPluginLoads() throws {
        try folder.write(
            "timely.lua",
            """
            limber.catalogue.add{ id = 'timely-move', name = 'Added at ' .. os.date('%H:%M'), kind = 'static',
              position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
        try folder.write(
            "bundle/init.lua",
            "limber.catalogue.add{ id = 'bundled', name = 'Bundled', kind = 'dynamic', position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' }, dose = { unit = 'reps', min = 5, max = 10, default = 5 } }"
        )
        try folder.write(
            "bundle/tests/bundle_test.lua",
            """
            test("the folder plugin loaded", function()
              expect(limber.catalogue.get("bundled").name).to_be("Bundled")
              expect(limber.catalogue.get("timely-move")).to_be_nil()
            end)
            """)
        let (results, summary) = try run(
            """
            test("the tested plugin loaded at the start time", function()
              expect(limber.catalogue.get("timely-move").name).to_be("Added at 09:00")
              expect(limber.catalogue.get("bundled")).to_be_nil()
            end)
            """, file: "timely_test.lua")
        #expect(summary.failed == 0, "\(results.map(\.failure))")
        let files = PluginTestRunner.discover([folder.url])
        #expect(files.map(\.lastPathComponent) == ["timely_test.lua", "bundle_test.lua"])
        var runner = PluginTestRunner(shippedFolder: nil)
        var failures: [PluginTestRunner.Result] = []
        let both = runner.run(files) { if case .result(let r) = $0, !r.passed { failures.append(r) } }
        #expect(both == PluginTestRunner.Summary(passed: 2, failed: 0), "\(failures)")
        runner.filter = "folder"
        #expect(runner.run(files) { _ in } == PluginTestRunner.Summary(passed: 1, failed: 0))
    }

    @Test func aBrokenPluginIsOneFailureForTheWholeRun() throws {
        let shipped = try TemporaryFolder()
        try shipped.write("broken.lua", "local = 1\n")
        try shipped.write("a_test.lua", "test('a', function() end)")
        try shipped.write("b_test.lua", "test('b', function() end)")
        let runner = PluginTestRunner(shippedFolder: shipped.url)
        var results: [PluginTestRunner.Result] = []
        let summary = runner.run(PluginTestRunner.discover([shipped.url])) { if case .result(let r) = $0 { results.append(r) } }
        #expect(summary == PluginTestRunner.Summary(passed: 2, failed: 1))
        #expect(results.first?.name == "load plugin broken")
        #expect(message(results.first).contains("broken.lua:1:"))
    }

    @Test func aRunawayTestStopsAtItsCPULimitAndTheRestRun() throws {
        let (results, summary) = try run(
            """
            test("endless", function()
              while true do end
            end)
            test("after", function() expect(1).to_be(1) end)
            """
        ) { $0.cpuLimit = 0.2 }
        #expect(summary == PluginTestRunner.Summary(passed: 1, failed: 1))
        #expect(message(results.first) == "plugin_test.lua:2: stopped after 0.2 s of CPU time (an endless loop?)")
    }
}
