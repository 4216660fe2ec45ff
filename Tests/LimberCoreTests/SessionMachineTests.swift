import Testing

@testable import LimberCore

/// A routine whose timeline is easy to reason about:
/// get ready 0–5, child's pose 5–35, rest 35–45, figure four side 1 45–85,
/// switch 85–88, side 2 88–128.
func sampleRoutinePlan(getReady: Int = 5) throws -> SessionPlan {
    let routine = Routine(
        id: "sample", name: "Sample",
        steps: [
            .init(exercise: "childs-pose", hold: 30),
            .init(exercise: "figure-four-stretch", hold: 40),
        ], rest: 10)
    return try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: getReady, switchSides: 3))
}

/// Runs the machine deadline by deadline, noting the time each batch of events fell due.
func runToEnd(_ machine: inout SessionMachine, from start: Duration = .zero) -> [(Duration, SessionEvent)] {
    var log = machine.start(at: start).map { (start, $0) }
    var guardCount = 0
    while let deadline = machine.nextDeadline, guardCount < 100_000 {
        log += machine.advance(to: deadline).map { (deadline, $0) }
        guardCount += 1
    }
    return log
}

func secondsOf(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

@Suite("Session machine")
struct SessionMachineTests {
    @Test func fullRunHasSideSwitchesRestsAndOneTickASecond() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        let log = runToEnd(&machine)
        let milestones = log.filter { $0.1.name != "tick" }.map { "\($0.1.name)@\(Int(secondsOf($0.0)))" }
        #expect(
            milestones == [
                "session_start@0", "step_start@5", "step_done@35", "step_start@45", "step_done@85",
                "side_switch@85", "step_start@88", "step_done@128", "session_done@128",
            ])
        let ticks = log.filter { $0.1.name == "tick" }
        #expect(ticks.count == 4 + 29 + 9 + 39 + 2 + 39, "one tick per whole second inside each segment")
        #expect(Set(ticks.map { $0.0 }).count == ticks.count, "never two ticks for one second")

        let starts = log.compactMap { if case .stepStart(let s) = $0.1 { s } else { nil } }
        #expect(
            starts.map { "\($0.exercise)/\($0.side)of\($0.sides)/\($0.seconds)s" } == [
                "childs-pose/1of1/30s", "figure-four-stretch/1of2/40s", "figure-four-stretch/2of2/40s",
            ])
        let switches = log.compactMap { if case .sideSwitch(let s) = $0.1 { s } else { nil } }
        #expect(switches == [SideSwitch(step: 2, exercise: "figure-four-stretch", from: 1, to: 2, seconds: 3)])
        let done = log.compactMap { if case .stepDone(let d) = $0.1 { d } else { nil } }
        #expect(done.map(\.completed) == [true, true, true])
        #expect(done.map(\.actualSeconds) == [30, 40, 40])
        #expect(done.map(\.rest) == [10, 0, 0], "rest between steps, never after the last")
        #expect(
            machine.result == SessionDone(completed: true, setsCompleted: 3, sets: 3, plannedSeconds: 128, elapsedSeconds: 128))
    }

    @Test func ticksCarryPhaseAndSecondsLeft() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        let log = runToEnd(&machine)
        let ticks = log.compactMap { if case .tick(let t) = $0.1 { t } else { nil } }
        #expect(ticks.first == Tick(phase: .getReady, step: 1, side: 1, remaining: 4, seconds: 5))
        let rest = ticks.filter { $0.phase == .rest }
        #expect(
            rest.first == Tick(phase: .rest, step: 2, side: 1, remaining: 9, seconds: 10), "a rest points at the step to come")
        #expect(ticks.filter { $0.phase == .switchSides }.map(\.remaining) == [2, 1])
        #expect(ticks.last == Tick(phase: .hold, step: 2, side: 2, remaining: 1, seconds: 40))
    }

    @Test func pauseShiftsEveryLaterDeadline() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        _ = machine.advance(to: .seconds(10))
        let paused = machine.pause(at: .seconds(10))
        #expect(paused == [.paused(Pause(elapsed: 10))])
        #expect(machine.nextDeadline == nil)
        #expect(machine.advance(to: .seconds(65)).isEmpty, "nothing happens while paused")
        let resumed = machine.resume(at: .seconds(70))
        #expect(resumed.first == .resumed(Pause(elapsed: 10)))
        #expect(machine.nextDeadline == .seconds(71))
        var log: [(Duration, SessionEvent)] = []
        while let deadline = machine.nextDeadline { log += machine.advance(to: deadline).map { (deadline, $0) } }
        let firstDone = log.first { $0.1.name == "step_done" }
        #expect(firstDone.map { $0.0 } == .seconds(95), "35 s planned + 60 s paused")
        #expect(log.last.map { $0.0 } == .seconds(188))
        #expect(machine.result?.elapsedSeconds == 128, "pauses do not count as session time")
    }

    @Test func skipCutsTheStepShortThenRestsThenGoesOn() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        _ = machine.advance(to: .seconds(15))
        let skipped = machine.skip(at: .seconds(15))
        #expect(
            skipped == [
                .stepDone(
                    StepDone(
                        step: 1, exercise: "childs-pose", side: 1, sides: 1, unit: .seconds, planned: 30, actual: 10,
                        plannedSeconds: 30, actualSeconds: 10, completed: false, rest: 10))
            ])
        #expect(machine.currentSegment?.kind == .rest(after: 0))
        #expect(machine.nextDeadline == .seconds(16))
        _ = machine.advance(to: .seconds(17))
        let skippedRest = machine.skip(at: .seconds(17))
        #expect(skippedRest.map(\.name) == ["step_start"], "skipping a rest starts the next step")
        // Skipping side 1 of a two-sided step skips the whole step; it was the last.
        let last = machine.skip(at: .seconds(20))
        #expect(last.map(\.name) == ["step_done", "session_done"])
        #expect(
            machine.result == SessionDone(completed: true, setsCompleted: 0, sets: 3, plannedSeconds: 128, elapsedSeconds: 20))
    }

    @Test func skipDuringGetReadyStartsTheFirstStepAndLaterDeadlinesFollow() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        #expect(machine.skip(at: .seconds(2)).map(\.name) == ["step_start"])
        var last: Duration = .zero
        while let deadline = machine.nextDeadline { _ = machine.advance(to: deadline); last = deadline }
        #expect(last == .seconds(125), "the whole plan moved 3 s earlier")
    }

    @Test func abortReportsTheCutSetAndEndsEarly() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        let events = machine.abort(at: .seconds(60))
        #expect(
            events.map(\.name) == ["step_start", "step_done", "step_start", "step_done", "session_done"],
            "what fell due is reported first, without ticks")
        guard case .stepDone(let cut) = events.filter({ $0.name == "step_done" }).last else {
            Issue.record("no step_done")
            return
        }
        #expect(cut.exercise == "figure-four-stretch")
        #expect(cut.completed == false)
        #expect(cut.actualSeconds == 15)
        #expect(
            machine.result == SessionDone(completed: false, setsCompleted: 1, sets: 3, plannedSeconds: 128, elapsedSeconds: 60))
        #expect(machine.nextDeadline == nil)
        #expect(machine.advance(to: .seconds(500)).isEmpty)
    }

    @Test func abortWhilePausedUsesThePauseTime() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        _ = machine.pause(at: .seconds(20))
        let events = machine.abort(at: .seconds(400))
        guard case .stepDone(let cut) = events.first else {
            Issue.record("expected step_done first, got \(events)")
            return
        }
        #expect(cut.actualSeconds == 15)
        #expect(machine.result?.elapsedSeconds == 20)
    }

    @Test func aLateCallGetsEveryTransitionButOnlyTheLatestTick() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan())
        _ = machine.start(at: .zero)
        let events = machine.advance(to: .milliseconds(37_500))
        #expect(events.map(\.name) == ["step_start", "step_done", "tick"])
        #expect(events.last == .tick(Tick(phase: .rest, step: 2, side: 1, remaining: 8, seconds: 10)))
        #expect(machine.nextDeadline == .seconds(38), "the schedule did not move")
    }

    @Test func paceRunsThePlanFasterInPlanSeconds() throws {
        var machine = try SessionMachine(plan: sampleRoutinePlan(), pace: 10)
        let log = runToEnd(&machine)
        let firstStart = log.first { $0.1.name == "step_start" }
        #expect(firstStart.map { $0.0 } == .milliseconds(500))
        #expect(abs(secondsOf(log.last?.0 ?? .zero) - 12.8) < 1e-6)
        #expect(log.filter { $0.1.name == "tick" }.count == 122, "ticks are per plan second")
        #expect(machine.result?.elapsedSeconds == 128)
        #expect(throws: RoutineError.self) { try SessionMachine(plan: sampleRoutinePlan(), pace: 0) }
    }

    @Test func aCountedSetCutShortReportsTheShareOfReps() throws {
        let routine = Routine(id: "r", name: "R", steps: [.init(exercise: "cat-cow", reps: 8)])
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 0))
        var machine = try SessionMachine(plan: plan)
        _ = machine.start(at: .zero)
        let events = machine.abort(at: .seconds(21))
        guard case .stepDone(let cut) = events.first else {
            Issue.record("expected step_done, got \(events)")
            return
        }
        #expect(cut.unit == .breaths)
        #expect(cut.planned == 8)
        #expect(cut.actual == 4)
        #expect(cut.plannedSeconds == 40)
        #expect(cut.actualSeconds == 21)
    }
}
