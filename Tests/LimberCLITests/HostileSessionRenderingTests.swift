import Foundation
import LimberCore
import Testing

@testable import LimberCLI

/// The live display, its status line and the plain lines with an exercise whose name and cues a
/// hostile plugin wrote.
@Suite("hostile text in session renderers")
struct HostileSessionRenderingTests {
    static let hostile = "A\u{1B}[2J\u{1B}]0;pwned\u{07}B\rC\u{9B}D\u{202E}E\u{2028}F"
    static let visible = #"A\x1B[2J\x1B]0;pwned\aB\rC\u{9B}D\u{202E}E\u{2028}F"#
    /// What may never reach the terminal from the plugin's text.
    static let raw = ["\u{1B}[2J", "\u{1B}]0;", "\u{07}", "\u{9B}", "\u{202E}", "\u{2028}", "B\rC"]

    func plan() throws -> SessionPlan {
        var catalogue = Catalogue.builtin
        let base = try #require(catalogue.get("childs-pose"))
        var evil = base
        evil.id = "evil-pose"
        evil.name = "Evil " + Self.hostile
        evil.aliases = []
        evil.cues = ["cue " + Self.hostile, "second\u{1B}[1;1H\u{1B}[K"]
        try catalogue.add(evil)
        let routine = Routine(
            id: "evil", name: "Routine " + Self.hostile,
            steps: [
                .init(exercise: "evil-pose", hold: 3), .init(exercise: "figure-four-stretch", hold: 2),
                .init(exercise: "evil-pose", hold: 2),
            ], rest: 1)
        return try SessionPlan(routine: routine, catalogue: catalogue, options: .init(getReady: 2, switchSides: 1))
    }

    func events(_ plan: SessionPlan) throws -> [SessionEvent] {
        var machine = try SessionMachine(plan: plan, pace: 1)
        var events = machine.start(at: .zero)
        while let deadline = machine.nextDeadline { events += machine.advance(to: deadline) }
        return events
    }

    @Test(arguments: [true, false])
    func liveDisplayAndStatusLine(colour: Bool) throws {
        let plan = try plan()
        var written = ""
        let renderer = LiveSessionRenderer(
            terminal: Terminal(isTTY: true, colour: colour), write: { written += $0 }, width: { 400 }, keys: false, bell: false)
        renderer.begin(plan: plan, pace: 1)
        for event in try events(plan) { renderer.render(event) }
        renderer.note("hook.lua:1: " + Self.hostile)
        renderer.end()
        for raw in Self.raw { #expect(!written.contains(raw), "\(raw.debugDescription) reached the terminal") }
        #expect(!written.contains("\u{1B}[1;1H") && !written.contains("second\u{1B}[K"))
        #expect(written.contains("Evil " + Self.visible))
        #expect(written.contains("cue " + Self.visible))
        #expect(written.contains("Routine " + Self.visible))
        #expect(written.contains("hook.lua:1: " + Self.visible))
    }

    @Test func plainLinesAndNotes() throws {
        let plan = try plan()
        var out = "", notes = ""
        let renderer = PlainSessionRenderer(write: { out += $0 }, note: { notes += $0 })
        renderer.begin(plan: plan, pace: 1)
        for event in try events(plan) { renderer.render(event) }
        renderer.note("hook.lua:1: " + Self.hostile)
        for raw in Self.raw + ["\u{1B}"] {
            #expect(!out.contains(raw) && !notes.contains(raw), "\(raw.debugDescription) reached the terminal")
        }
        #expect(out.contains("step 1/3: Evil " + Self.visible + ", 3 s"))
        #expect(out.contains("next Evil " + Self.visible))
        #expect(out.contains("finished Routine " + Self.visible))
        #expect(notes == "limber: hook.lua:1: " + Self.visible + "\n")
    }

    @Test func jsonEventsKeepTheExactName() throws {
        let plan = try plan()
        var out = ""
        let renderer = JSONSessionRenderer(write: { out += $0 }, note: { _ in })
        renderer.begin(plan: plan, pace: 1)
        for event in try events(plan) { renderer.render(event) }
        let first = try #require(out.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "Routine " + Self.hostile)
    }

    @Test func spokenPhrasesCarryNoControls() throws {
        let plan = try plan()
        let phrases = try events(plan).compactMap { Speech.phrase(for: $0, plan: plan) }.map(TerminalSafe.spoken)
        #expect(phrases.contains { $0.hasPrefix("Evil A [2J ]0;pwned B C D E F") })
        for phrase in phrases {
            #expect(
                !phrase.unicodeScalars.contains {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E || $0.value == 0x2028
                })
        }
    }
}
