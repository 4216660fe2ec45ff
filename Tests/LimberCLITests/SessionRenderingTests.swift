import Foundation
import LimberCore
import Testing

@testable import LimberCLI

/// Get ready 0–3, child's pose 3–8, rest 8–10, calf stretch left 10–14, switch 14–16, right 16–20.
private func plan() throws -> SessionPlan {
    let routine = Routine(
        id: "demo", name: "Demo",
        steps: [
            .init(exercise: "childs-pose", hold: 5),
            .init(exercise: "calf-stretch", hold: 4),
        ], rest: 2)
    return try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 3, switchSides: 2))
}

/// Every event of a full run, in order.
private func events(_ plan: SessionPlan, pace: Double = 1) throws -> [SessionEvent] {
    var machine = try SessionMachine(plan: plan, pace: pace)
    var events = machine.start(at: .zero)
    while let deadline = machine.nextDeadline { events += machine.advance(to: deadline) }
    return events
}

/// What a renderer wrote: stdout and notes apart.
private final class Output {
    var out = ""
    var notes = ""
}

@Suite("Session rendering")
struct SessionRenderingTests {
    @Test func plainLinesOnePerEventWithoutCarriageReturns() throws {
        let plan = try plan()
        let output = Output()
        let renderer = PlainSessionRenderer(write: { output.out += $0 }, note: { output.notes += $0 })
        renderer.begin(plan: plan, pace: 1)
        for event in try events(plan) { renderer.render(event) }
        renderer.note("hook.lua:3: broken (step_done hook)")
        #expect(!output.out.contains("\r"))
        #expect(!output.out.contains("\u{1B}"))
        #expect(
            output.out.split(separator: "\n").map(String.init) == [
                "Demo: 2 steps, 3 sets, 20 s",
                "get ready: 3 s, first Child's Pose",
                "step 1/2: Child's Pose, 5 s",
                "done: Child's Pose; rest 2 s, next Static Calf Stretch",
                "step 2/2: Static Calf Stretch, left side, 4 s",
                "done: Static Calf Stretch (left side)",
                "switch sides: Static Calf Stretch, right side in 2 s",
                "step 2/2: Static Calf Stretch, right side, 4 s",
                "done: Static Calf Stretch (right side)",
                "finished Demo: 3 of 3 sets in 20 s",
            ])
        #expect(output.notes == "limber: hook.lua:3: broken (step_done hook)\n")
    }

    @Test func plainLinesShowLongHoldsEveryTenSecondsAndThePace() throws {
        let routine = Routine(id: "long", name: "Long", steps: [.init(exercise: "childs-pose", hold: 30)])
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 0))
        let output = Output()
        let renderer = PlainSessionRenderer(write: { output.out += $0 }, note: { _ in })
        renderer.begin(plan: plan, pace: 20)
        for event in try events(plan, pace: 20) { renderer.render(event) }
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Long: 1 steps, 1 sets, 30 s (pace ×20)")
        #expect(lines.filter { $0.hasSuffix("s left") } == ["  20 s left", "  10 s left"])
    }

    @Test func jsonIsOneObjectPerEventWithEventAndRoutineFirst() throws {
        let plan = try plan()
        let all = try events(plan)
        let output = Output()
        let renderer = JSONSessionRenderer(write: { output.out += $0 }, note: { output.notes += $0 })
        renderer.begin(plan: plan, pace: 1)
        for event in all { renderer.render(event) }
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.count == all.count)
        for (line, event) in zip(lines, all) {
            #expect(line.hasPrefix("{\"event\":\"\(event.name)\",\"routine\":\"demo\""))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["event"] as? String == event.name)
        }
        let done = try #require(lines.first { $0.contains("\"step_done\"") })
        #expect(
            done
                == #"{"event":"step_done","routine":"demo","step":1,"exercise":"childs-pose","side":1,"sides":1,"unit":"seconds","planned":5,"actual":5,"planned_seconds":5,"actual_seconds":5,"completed":true,"rest":2}"#
        )
        #expect(
            lines.last
                == #"{"event":"session_done","routine":"demo","completed":true,"sets_completed":3,"sets":3,"planned_seconds":20,"elapsed_seconds":20}"#
        )
        #expect(
            JSONSessionRenderer.line(
                for: .sessionStart(
                    SessionStart(
                        routine: "r", name: "Say \"hi\"\n", pace: 2.5, steps: 1, sets: 1, plannedSeconds: 5, getReady: 0)),
                routine: "r"
            )
            .contains(#""name":"Say \"hi\"\n","pace":2.5"#))
    }

    @Test func theLiveScreenShowsMoveSideBarSecondsCuesAndNext() throws {
        let plan = try plan()
        let renderer = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { _ in }, width: { 80 }, keys: true, bell: true)
        var status = SessionStatus(plan: plan, pace: 1)
        let all = try events(plan)
        // Up to the first tick of the calf stretch's left side (10–14): 3 s left of 4.
        for event in all {
            status.apply(event)
            if case .tick(let tick) = event, tick.phase == .hold, tick.step == 2 { break }
        }
        let screen = renderer.screen(status, width: 80)
        let calf = try #require(Catalogue.builtin.get("calf-stretch"))
        #expect(screen[0].hasPrefix("limber · Demo"))
        #expect(screen[0].hasSuffix("step 2/2 · 9 s left"))
        #expect(screen[2] == "  Static Calf Stretch · 4 s · left side")
        #expect(screen[3].hasPrefix("  ████████████░"), "a quarter of the way through")
        #expect(screen[3].hasSuffix(" 3 s"))
        #expect(screen[4] == "  " + calf.cues.joined(separator: " · "))
        #expect(screen.contains("  Next: Static Calf Stretch, right side"))
        #expect(screen.last == "  space pause · n next · q end")
        #expect(screen.allSatisfy { $0.count <= 79 })
        #expect(!screen.joined().contains("\u{1B}["), "no colour with NO_COLOR")
    }

    @Test func theLiveScreenShowsRestPauseAndPaceAndUsesColourOnlyWhenAllowed() throws {
        let plan = try plan()
        var status = SessionStatus(plan: plan, pace: 20)
        for event in try events(plan) {
            status.apply(event)
            if case .tick(let tick) = event, tick.phase == .rest { break }
        }
        status.apply(.paused(Pause(elapsed: 9)))
        let plain = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { _ in }, width: { 100 }, keys: true, bell: false)
        let screen = plain.screen(status, width: 100)
        #expect(screen[0].hasSuffix("step 2/2 · 11 s left · pace ×20 · PAUSED"))
        #expect(screen[2] == "  Rest · up next: Static Calf Stretch · 4 s")
        #expect(screen.last == "  space resume · n next · q end")
        let coloured = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: true), write: { _ in }, width: { 100 }, keys: false, bell: false)
        #expect(coloured.screen(status, width: 100).joined().contains("\u{1B}[33m"), "the rest bar is yellow")
        #expect(!coloured.screen(status, width: 100).joined().contains("space"), "no key hints without keys")
        #expect(plain.screen(status, width: 30).allSatisfy { $0.count <= 29 }, "narrow terminals: lines are cut, never wrapped")
    }

    @Test func theLiveDisplayRedrawsInPlaceRingsAndLeavesASummary() throws {
        let plan = try plan()
        let output = Output()
        let renderer = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { output.out += $0 }, width: { 80 }, keys: false, bell: true)
        renderer.begin(plan: plan, pace: 1)
        for event in try events(plan) { renderer.render(event) }
        renderer.end()
        #expect(output.out.hasPrefix("\u{1B}[?25l"), "the cursor hides while the block is live")
        #expect(output.out.hasSuffix("✓ Demo: 3 of 3 sets in 20 s\n\u{1B}[?25h"))
        #expect(output.out.components(separatedBy: "\u{07}").count - 1 == 4, "a bell at three step ends and one side switch")
        #expect(output.out.contains("\r\u{1B}[6A\u{1B}[J"), "redraws go back to the block's first line")
        let quiet = Output()
        let silent = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { quiet.out += $0 }, width: { 80 }, keys: false, bell: false)
        silent.begin(plan: plan, pace: 1)
        for event in try events(plan) { silent.render(event) }
        #expect(!quiet.out.contains("\u{07}"), "--no-bell")
    }

    @Test func theVoiceNamesTheMoveTheSideAndTheRest() throws {
        let plan = try plan()
        let phrases = try events(plan).compactMap { Speech.phrase(for: $0, plan: plan) }
        #expect(
            phrases == [
                "Get ready. First, Child's Pose.",
                "Child's Pose. 5 seconds.",
                "Rest. Next, Static Calf Stretch.",
                "Static Calf Stretch, left side. 4 seconds.",
                "Switch sides.",
                "Right side. 4 seconds.",
                "Well done. Session complete.",
            ])
        #expect(Speech(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func theSafetyNoticeIsShownOnceUnlessSilenced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limber-notice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = LimberPaths(home: folder)
        #expect(SafetyNotice.takeIfDue(paths: paths, enabled: false) == nil)
        let first = try #require(SafetyNotice.takeIfDue(paths: paths, enabled: true))
        #expect(first.contains("serious discomfort"))
        #expect(first.contains("physical therapist or doctor"))
        #expect(SafetyNotice.takeIfDue(paths: paths, enabled: true) == nil)
    }
}
