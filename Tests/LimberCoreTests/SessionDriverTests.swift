import LimberTestSupport
import Testing

@testable import LimberCore

/// The driver on a `SteppedClock`: the clock moves from deadline to deadline and only once the
/// driver is asleep again, so what the tests count does not depend on how busy the machine is.
/// The time limit only ends a test that would otherwise hang (a session that never gets there).
@Suite("Session driver", .timeLimit(.minutes(2)))
struct SessionDriverTests {
    /// Starts a driver on a stepped clock; the consumer records each event with its arrival time.
    func launch(
        _ plan: SessionPlan, pace: Double = 1,
        consumer: (@Sendable (SessionEvent) async -> Void)? = nil
    ) async throws -> (SteppedClock, SessionDriver<SteppedClock>, SessionRecorder, Task<SessionDone?, Never>) {
        let clock = SteppedClock()
        let driver = try SessionDriver(plan: plan, pace: pace, clock: clock)
        let recorder = SessionRecorder(clock: clock)
        let task = Task {
            let done = await driver.run { event in
                recorder.record(event)
                await consumer?(event)
            }
            clock.finish()
            return done
        }
        await recorder.waitUntilRecorded("session_start")
        return (clock, driver, recorder, task)
    }

    func times(_ recorder: SessionRecorder, _ name: String) -> [Int] {
        recorder.all.filter { $0.event.name == name }.map { Int(secondsOf($0.time)) }
    }

    @Test func eventsArriveOnTheClockAtTheirPlannedSeconds() async throws {
        let (clock, _, recorder, task) = try await launch(sampleRoutinePlan())
        await clock.advance(by: .seconds(200))
        let result = await task.value
        #expect(times(recorder, "step_start") == [5, 45, 88])
        #expect(times(recorder, "side_switch") == [85])
        #expect(times(recorder, "session_done") == [128])
        #expect(
            recorder.outline == [
                "session_start", "step_start", "step_done", "step_start", "step_done", "side_switch",
                "step_start", "step_done", "session_done",
            ])
        #expect(times(recorder, "tick").count == 122)
        #expect(result?.completed == true)
    }

    @Test func pauseAndResumeFromOutside() async throws {
        let (clock, driver, recorder, task) = try await launch(sampleRoutinePlan())
        await clock.advance(by: .seconds(10))
        driver.send(.pause)
        await recorder.waitUntilRecorded("paused")
        let ticksBefore = times(recorder, "tick").count
        // Paused, the driver waits for a control, not the clock: let a minute pass.
        clock.pass(.seconds(60))
        #expect(times(recorder, "tick").count == ticksBefore, "no ticks while paused")
        #expect(recorder.outline.last == "paused")
        driver.send(.resume)
        await recorder.waitUntilRecorded("resumed")
        await clock.advance(by: .seconds(300))
        _ = await task.value
        #expect(times(recorder, "step_start") == [5, 105, 148])
        #expect(times(recorder, "session_done") == [188])
        #expect(recorder.outline.contains("resumed"))
    }

    @Test func skipAndAbortFromOutside() async throws {
        let (clock, driver, recorder, task) = try await launch(sampleRoutinePlan())
        await clock.advance(by: .seconds(12))
        driver.send(.skip)
        await recorder.waitUntilRecorded("step_done")
        // The rest after the cut step runs in full: 12–22, then figure four.
        await clock.advance(by: .milliseconds(10_500))
        #expect(times(recorder, "step_start") == [5, 22])
        await clock.advance(by: .milliseconds(2_500))
        driver.send(.abort)
        let result = await task.value
        #expect(result == SessionDone(completed: false, setsCompleted: 0, sets: 3, plannedSeconds: 128, elapsedSeconds: 25))
        let cut = recorder.events.compactMap { if case .stepDone(let d) = $0 { d } else { nil } }
        #expect(cut.map(\.actualSeconds) == [7, 3])
        #expect(cut.map(\.completed) == [false, false])
    }

    @Test func cancellingTheRunEndsTheSessionEarly() async throws {
        let (clock, _, recorder, task) = try await launch(sampleRoutinePlan())
        await clock.advance(by: .seconds(7))
        task.cancel()
        let result = await task.value
        #expect(result?.completed == false)
        #expect(recorder.outline.last == "session_done")
    }

    /// A 20-minute routine whose consumer takes 1.2 s of clock time for every event (a slow
    /// terminal, a slow Lua hook), so the driver always wakes late. A timer that measured each
    /// segment from when it got round to starting it would end a minute late; this one ends on
    /// time, and no set starts more than one slow batch late.
    @Test func noDriftOverTwentyMinutesWithASlowConsumer() async throws {
        let steps = (0..<20).map { index in
            Routine.Step(exercise: index % 2 == 0 ? "childs-pose" : "calf-stretch", hold: 30, rest: 15)
        }
        let routine = Routine(id: "long", name: "Long", steps: steps)
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 10, switchSides: 5))
        #expect(plan.totalSeconds >= 20 * 60)
        let clock = SteppedClock()
        let driver = try SessionDriver(plan: plan, clock: clock)
        let recorder = SessionRecorder(clock: clock)
        let task = Task {
            let done = await driver.run { event in
                recorder.record(event)
                try? await clock.sleep(for: .milliseconds(1_200))
            }
            clock.finish()
            return done
        }
        await recorder.waitUntilRecorded("session_start")
        // The consumer's sleeps are deadlines too: the clock steps through them as well.
        await clock.advance(by: .seconds(3600))
        let result = await task.value
        #expect(result?.completed == true)
        #expect(result?.elapsedSeconds == plan.totalSeconds)

        let plannedStarts = plan.segments.compactMap { segment -> Int? in
            if case .hold = segment.kind { return segment.start }
            return nil
        }
        let starts = recorder.all.filter { $0.event.name == "step_start" }.map { secondsOf($0.time) }
        #expect(starts.count == plannedStarts.count)
        let lateness = zip(starts, plannedStarts).map { $0 - Double($1) }
        #expect(lateness.allSatisfy { $0 >= 0 && $0 < 4 }, "each set starts within one slow batch of its plan: \(lateness)")
        let end = recorder.all.last.map { secondsOf($0.time) } ?? 0
        #expect(end - Double(plan.totalSeconds) < 4, "ended \(end - Double(plan.totalSeconds)) s late")
    }
}
