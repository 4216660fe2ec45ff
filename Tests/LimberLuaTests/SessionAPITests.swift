import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// A presenter that remembers what it was shown.
final class RecordingPresenter: SessionPresenter {
    var events: [SessionEvent] = []
    var failures: [String] = []
    var started = 0
    var ended = 0
    var controls: SessionControls?

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) {
        started += 1
        self.controls = controls
    }
    func present(_ event: SessionEvent) { events.append(event) }
    func hookFailed(_ message: String) { failures.append(message) }
    func sessionDidEnd() { ended += 1 }
}

@Suite("limber.routine, limber.session, limber.timer, limber.on")
struct SessionAPITests {
    let folder: TemporaryFolder
    let host: LimberHost
    let clock = VirtualClock()

    init() throws {
        folder = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: folder.url))
        let clock = self.clock
        host.clock = clock
        host.sessionLog.now = { clock.date }
    }

    func load(_ name: String, _ source: String) throws -> PluginReport {
        try folder.write("plugins/\(name)", source)
        return PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")]).last
            ?? PluginReport(
                plugin: PluginFile(name: name, entry: folder.url, moduleFolder: nil), status: .failed("nothing loaded"))
    }

    func error(running source: String) -> String {
        do {
            try host.lua.run(source)
            return ""
        } catch {
            return error.message
        }
    }

    static let shortRoutine = """
        limber.routine{ id = 'short', name = 'Short', rest = 2,
          steps = { { exercise = 'childs-pose', hold = 3 }, { exercise = 'calf-stretch', hold = 2 } } }
        """

    @Test func aRoutineIsRegisteredAndPlanned() throws {
        let info = try host.lua.run(
            "local r = limber.routine{ id = 'short', name = 'Short', rest = 2, steps = { { exercise = 'Childs pose', hold = 3 }, { exercise = 'calf-stretch', hold = 2 } } } return r.total_seconds, r.steps[2].hold"
        )
        // get ready 10 + 3 + rest 2 + 2 + switch 5 + 2
        #expect(info == [.integer(24), .integer(2)])
        let routine = try #require(host.sessions.routines.get("short"))
        #expect(routine.steps.count == 2)
        #expect(host.definitions.contains("routine:short"))
    }

    @Test func aBadRoutineIsAnErrorThatNamesTheField() {
        #expect(
            error(
                running:
                    "limber.routine{ id = 'r', name = 'R', steps = { { exercise = 'childs-pose' }, { exercise = 'rol-down' } } }")
                == "chunk:1: limber.routine: field 'steps[2].exercise': unknown exercise 'rol-down' (did you mean 'roll-down'?)")
        #expect(
            error(running: "limber.routine{ id = 'r', name = 'R', steps = { { exercise = 'calf-stretch', sides = 3 } } }")
                == "chunk:1: limber.routine: field 'steps[1].sides': must be 1 or 2, got 3")
        #expect(
            error(running: "limber.routine{ id = 'r', name = 'R', steps = { { exercise = 'calf-stretch', holdd = 30 } } }")
                .contains("unknown field 'holdd' in steps[1] (did you mean 'hold'?)"))
        #expect(
            error(running: "limber.routine{ id = 'r', name = 'R', steps = { { exercise = 'calf-stretch', hold = 'long' } } }")
                .contains("steps[1].hold"))
        #expect(error(running: "limber.routine{ id = 'r', steps = {} }") == "chunk:1: limber.routine: missing field 'name'")
    }

    @Test func redefiningARoutineNeedsOverride() throws {
        try host.lua.run(Self.shortRoutine)
        #expect(error(running: Self.shortRoutine).contains("routine 'short' is already defined by"))
        try host.lua.run(
            "limber.routine{ id = 'short', name = 'Shorter', override = true, steps = { { exercise = 'cat-cow' } } }")
        #expect(host.sessions.routines.get("short")?.name == "Shorter")
    }

    @Test func aSessionFromLuaRunsHooksInOrderAndReturnsHowItEnded() throws {
        try host.lua.run(Self.shortRoutine)
        let presenter = RecordingPresenter()
        host.sessions.presenter = presenter
        let results = try host.lua.run(
            """
            local seen = {}
            limber.on('step_start', function(e) seen[#seen + 1] = 'start ' .. e.exercise .. ' ' .. e.side .. '/' .. e.sides end)
            limber.on('side_switch', function(e) seen[#seen + 1] = 'switch ' .. e.from .. '>' .. e.to end)
            limber.on('step_done', function(e)
              seen[#seen + 1] = 'done ' .. e.exercise .. ' ' .. e.actual_seconds .. 's ' .. tostring(e.completed) .. ' ' .. e.routine
            end)
            local before = limber.now()
            local result = limber.session.start('short', { get_ready = 0, switch = 1, log = false })
            return table.concat(seen, ', '), result.completed, result.sets_completed, result.sets, limber.now() - before
            """)
        #expect(
            results.first
                == .string(
                    "start childs-pose 1/1, done childs-pose 3s true short, start calf-stretch 1/2, done calf-stretch 2s true short, switch 1>2, start calf-stretch 2/2, done calf-stretch 2s true short"
                ))
        #expect(Array(results.dropFirst().prefix(3)) == [.boolean(true), .integer(3), .integer(3)])
        #expect(results.last?.doubleValue == 10, "3 + rest 2 + 2 + switch 1 + 2 seconds on the session's clock")
        #expect(presenter.started == 1)
        #expect(presenter.ended == 1)
        #expect(presenter.events.first?.name == "session_start")
        #expect(presenter.events.last?.name == "session_done")
    }

    @Test func aHookThatRaisesIsReportedWithItsLineAndTheSessionGoesOn() throws {
        let report = try load(
            "noisy.lua",
            Self.shortRoutine + """

                limber.on('step_done', function(e)
                  error('hook broke on ' .. e.exercise)
                end)
                """)
        #expect(report.defines.contains("routine:short"))
        let presenter = RecordingPresenter()
        host.sessions.presenter = presenter
        let completed = try host.lua.run("return limber.session.start('short', { get_ready = 0, log = false }).completed")
        #expect(completed == [.boolean(true)])
        #expect(presenter.failures.count == 3, "one report per failing call: \(presenter.failures)")
        #expect(presenter.failures.first?.contains("noisy.lua:4: hook broke on childs-pose") == true)
        #expect(presenter.events.last?.name == "session_done")
    }

    @Test func osExitInAHookEndsTheSession() throws {
        try host.lua.run(Self.shortRoutine)
        let presenter = RecordingPresenter()
        host.sessions.presenter = presenter
        #expect(throws: LuaError.exit(3)) {
            try host.lua.run(
                """
                limber.on('step_start', function() os.exit(3) end)
                limber.session.start('short', { get_ready = 0, log = false })
                """)
        }
        guard case .sessionDone(let done) = presenter.events.last else {
            Issue.record("no session_done: \(presenter.events.map(\.name))")
            return
        }
        #expect(done.completed == false)
        #expect(presenter.ended == 1)
    }

    @Test func sessionErrorsAreOneLine() throws {
        #expect(error(running: "limber.session.start('nope')") == "chunk:1: limber.session.start: unknown routine 'nope'")
        try host.lua.run(Self.shortRoutine)
        #expect(
            error(running: "limber.session.start('shrt')")
                == "chunk:1: limber.session.start: unknown routine 'shrt' (did you mean 'short'?)")
        #expect(error(running: "limber.session.start('short', { pace = 0 })").contains("pace"))
        #expect(
            error(running: "limber.session.start('short', { hold = -1 })")
                == "chunk:1: limber.session.start: field 'hold': must be 1–3600 seconds, got -1")
        #expect(error(running: "limber.on('step_finished', print)").contains("unknown event 'step_finished'"))
    }

    @Test func aLoggedSessionWritesOneSetPerSide() throws {
        try host.lua.run(Self.shortRoutine)
        let id = try host.lua.run("return limber.session.start('short', { get_ready = 0 }).session").first?.integerValue
        let sets = try host.sessionLog.log().sets(session: try #require(id))
        #expect(
            sets.map { "\($0.exercise):\($0.side?.rawValue ?? "-")" } == [
                "childs-pose:-", "calf-stretch:left", "calf-stretch:right",
            ])
        #expect(sets.allSatisfy { $0.completed })
    }

    @Test func countdownTicksEverySecondAndSleepWaitsOnTheClock() throws {
        let results = try host.lua.run(
            """
            local ticks = {}
            local start = limber.now()
            limber.timer.countdown(3, { on_tick = function(left) ticks[#ticks + 1] = left end })
            local counted = limber.now() - start
            limber.timer.sleep(1.5)
            return table.concat(ticks, ','), counted, limber.now() - start
            """)
        #expect(results == [.string("2,1,0"), .number(3), .number(4.5)])
        #expect(error(running: "limber.timer.sleep(-1)").contains("expected 0 to 86400"))
        #expect(error(running: "limber.timer.countdown(2, { ontick = print })").contains("unknown field 'ontick'"))
    }

    /// With a real (test) clock, `limber.session.start` blocks its thread and the timer's jobs
    /// run there: the session only moves when the clock does. The clock steps deadline by
    /// deadline once the session sleeps again, so a slow thread on a busy machine cannot make the
    /// clock run ahead of it; the time limit only ends a session that would hang.
    @Test(.timeLimit(.minutes(2))) func aSessionBlocksItsThreadUntilTheClockGetsThere() async throws {
        let testClock = SteppedClock()
        host.clock = testClock
        try host.lua.run(Self.shortRoutine)
        let box = HostBox(host)
        let finished = Flag()
        let thread = Thread {
            _ = try? box.host.lua.run("limber.session.start('short', { get_ready = 0, log = false })")
            finished.set()
            testClock.finish()
        }
        thread.start()
        await testClock.advance(by: .seconds(5))
        #expect(!finished.isSet, "the session is 3 + 2 + 2 + 5 + 2 seconds long")
        await testClock.advance(by: .seconds(30))
        #expect(finished.isSet)
    }
}

/// Hands a host to the thread that will use it (one thread at a time).
private final class HostBox: @unchecked Sendable {
    let host: LimberHost
    init(_ host: LimberHost) { self.host = host }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
