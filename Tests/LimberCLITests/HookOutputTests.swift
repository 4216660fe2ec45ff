import Foundation
import LimberCore
import Testing

@testable import LimberCLI

/// Just enough of a terminal to replay the live display: text, `\n`, `\r`, cursor up (`ESC[nA`),
/// clear to the end of the screen (`ESC[J`); other escapes are dropped.
private struct ScreenModel {
    var lines: [String] = [""]
    var row = 0
    var column = 0

    mutating func feed(_ text: String) {
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\n":
                row += 1
                column = 0
                if row == lines.count { lines.append("") }
            case "\r":
                column = 0
            case "\u{07}":
                continue
            case "\u{1B}":
                guard characters.first == "[" else { continue }
                characters.removeFirst()
                var parameter = ""
                while let next = characters.first, next.isNumber || next == "?" {
                    parameter.append(next)
                    characters.removeFirst()
                }
                let command = characters.popFirst()
                if command == "A" { row = max(0, row - (Int(parameter) ?? 1)) }
                if command == "J" {
                    lines[row] = String(lines[row].prefix(column))
                    lines.removeSubrange((row + 1)...)
                }
            default:
                var line = Array(lines[row])
                while line.count < column { line.append(" ") }
                if column < line.count { line[column] = character } else { line.append(character) }
                lines[row] = String(line)
                column += 1
            }
        }
    }
}

@Suite("Hook output during a live session")
struct HookOutputTests {
    @Test func printedLinesStayAboveTheLiveBlockAndAreNeverDrawnOver() throws {
        let routine = Routine(
            id: "demo", name: "Demo",
            steps: [
                .init(exercise: "childs-pose", hold: 5), .init(exercise: "calf-stretch", hold: 4),
            ], rest: 2)
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 3, switchSides: 2))
        var machine = try SessionMachine(plan: plan)
        var events = machine.start(at: .zero)
        while let deadline = machine.nextDeadline { events += machine.advance(to: deadline) }

        var screen = ScreenModel()
        var written = ""
        let renderer = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { written += $0 }, width: { 80 }, keys: true, bell: true)
        renderer.begin(plan: plan, pace: 1)
        var printed: [String] = []
        for event in events {
            renderer.render(event)
            if case .stepDone(let done) = event {
                let line = "hook: \(done.exercise) side \(done.side)"
                printed.append(line)
                renderer.output(line + "\n")
            }
            if case .stepStart = event { renderer.output("two lines\nfrom one print\n") }
        }
        renderer.end()
        screen.feed(written)
        let hookLines = screen.lines.filter { $0.hasPrefix("hook: ") }
        #expect(hookLines == printed, "every printed line is on screen, in order, whole")
        #expect(screen.lines.filter { $0 == "two lines" }.count == 3 && screen.lines.filter { $0 == "from one print" }.count == 3)
        #expect(screen.lines.contains("✓ Demo: 3 of 3 sets in 20 s"))
        #expect(!screen.lines.contains { $0.contains("Next:") }, "the block is gone at the end: \(screen.lines)")
    }

    @Test func aPrintWithoutANewlineStillGetsALineOfItsOwn() throws {
        let routine = Routine(id: "demo", name: "Demo", steps: [.init(exercise: "childs-pose", hold: 3)])
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 0))
        var machine = try SessionMachine(plan: plan)
        var written = ""
        let renderer = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: false), write: { written += $0 }, width: { 60 }, keys: false, bell: false)
        renderer.begin(plan: plan, pace: 1)
        for event in machine.start(at: .zero) { renderer.render(event) }
        renderer.output("no newline")
        for event in machine.advance(to: .seconds(1)) { renderer.render(event) }
        var screen = ScreenModel()
        screen.feed(written)
        #expect(screen.lines.first == "no newline")
        #expect(screen.lines.dropFirst().first?.hasPrefix("limber · Demo") == true)
    }
}
