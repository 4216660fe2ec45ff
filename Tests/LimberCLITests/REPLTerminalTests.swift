import Foundation
import LimberCore
import LimberTestSupport
import Testing

private let tmuxInstalled = ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The REPL at a real terminal (a tmux pane): line editing, Tab, Ctrl-C, Ctrl-D, history.
///
/// Every step waits for what the screen must show next (polling with a timeout), never for a
/// fixed time.
@Suite("REPL at a terminal", .enabled(if: tmuxInstalled, "needs tmux"))
struct REPLTerminalTests {
    let home: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
    }

    // tmux drops trailing blanks from the lines it captures, so prompts are matched without theirs.

    /// `limber` with no arguments, in a fresh terminal, waiting for its first prompt.
    func start(_ arguments: [String] = []) throws -> TmuxSession {
        let session = try TmuxSession(
            [LimberProcess.executable.path] + arguments,
            environment: ["LIMBER_HOME": home.url.path, "LIMBER_SHIPPED_PLUGINS": "", "LANG": "C.UTF-8"])
        try waitForPrompt(session)
        return session
    }

    /// How many prompts (fresh or with input after them) the screen shows.
    func prompts(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix("limber>") || $0.hasPrefix("   ...>") }.count
    }

    /// Waits for a fresh prompt on the last line (output has ended, input is read).
    @discardableResult
    func waitForPrompt(_ session: TmuxSession, _ prompt: String = "limber>") throws -> String {
        try session.waitFor("a '\(prompt)' prompt") { $0.hasSuffix("\n" + prompt) }
    }

    /// Types a line, presses Enter and waits for the next prompt (`limber>` or `   ...>`).
    ///
    /// Typing before the REPL is back at its prompt would be typing ahead, which the terminal
    /// echoes on its own; a person waits for the prompt, and so do the tests.
    @discardableResult
    func enter(_ session: TmuxSession, _ line: String, prompt: String = "limber>") throws -> String {
        let before = prompts(try session.screen())
        try session.type(line)
        try session.press("Enter")
        return try session.waitFor("a new '\(prompt)' prompt after '\(line)'") {
            prompts($0) > before && $0.hasSuffix("\n" + prompt)
        }
    }

    /// Presses Ctrl-C at a prompt and waits for the fresh prompt under the `^C`.
    ///
    /// Ctrl-C acts through a signal, which may arrive after keys typed right behind it (a
    /// person never types that fast); the test waits for it to have acted before typing on.
    func cancelLine(_ session: TmuxSession) throws {
        let before = try session.screen().components(separatedBy: "^C\n").count
        try session.press("C-c")
        try session.waitFor("Ctrl-C to cancel the line") {
            $0.components(separatedBy: "^C\n").count > before && $0.hasSuffix("\nlimber>")
        }
    }

    /// The screen's lines after the banner.
    func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    @Test func noArgumentsOpensTheREPLAndCtrlDLeavesWithZero() throws {
        let session = try start()
        let banner = try waitForPrompt(session)
        #expect(banner.hasPrefix("limber \(LimberVersion.string)"))
        try session.press("C-d")
        #expect(try session.waitForExit() == 0)
    }

    @Test func valuesMultiLineInputAndContinuationPrompt() throws {
        let session = try start(["repl"])
        try enter(session, "t = { name = \"héllo\", n = 2 }")
        try enter(session, "for i = 1, t.n do", prompt: "   ...>")
        try enter(session, "print(i)", prompt: "   ...>")
        try enter(session, "end")
        let screen = try enter(session, "t")
        #expect(screen.contains("{ n = 2, name = \"héllo\" }"))
        #expect(
            lines(screen).prefix(7) == [
                "limber> t = { name = \"héllo\", n = 2 }",
                "limber> for i = 1, t.n do",
                "   ...> print(i)",
                "   ...> end",
                "1",
                "2",
                "limber> t",
            ])
    }

    @Test func tabCompletesFieldsOfTheAPIAndListsChoices() throws {
        let session = try start(["repl"])
        try session.type("limber.catalogue.fi")
        try session.press("Tab")
        try session.waitFor("limber> limber.catalogue.find")
        #expect(try enter(session, "").contains("<function limber.catalogue.find(filter)>"))
        try session.type("limber.catalogue.")
        try session.press("Tab")
        try session.press("Tab")
        let listed = try session.waitFor("limber.catalogue.get")
        for name in ["add", "all", "find", "get"] { #expect(listed.contains("limber.catalogue.\(name)")) }
        try session.waitFor("the prompt under the list") { $0.hasSuffix("\nlimber> limber.catalogue.") }
        try cancelLine(session)
        try session.type("pri")
        try session.press("Tab")
        try session.waitFor("limber> print")
        #expect(try enter(session, "('completed')").contains("\ncompleted\n"))
        // A name right after an operator completes too.
        try session.type("#limber.catalogue.al")
        try session.press("Tab")
        try session.waitFor("limber> #limber.catalogue.all")
        #expect(try enter(session, "()").contains("#limber.catalogue.all()\n\(Catalogue.builtin.all.count)\n"))
    }

    @Test func ctrlCCancelsTheLineAndNeverLeaves() throws {
        let session = try start(["repl"])
        try session.type("this line is not run")
        try session.waitFor("limber> this line is not run")
        try cancelLine(session)
        #expect(try session.screen().contains("limber> this line is not run^C\nlimber>"))
        try cancelLine(session)
        let screen = try enter(session, "6 * 7")
        #expect(screen.contains("limber> ^C\nlimber> 6 * 7\n42\n"))
        #expect(!screen.contains("error"), "the cancelled line did not run")
        try enter(session, "for i = 1, 2 do", prompt: "   ...>")
        try cancelLine(session)
        #expect(try enter(session, "1 + 1").contains("   ...> ^C\nlimber> 1 + 1\n2\n"))
    }

    @Test func ctrlCStopsRunningCodeWithInterrupted() throws {
        let session = try start(["repl"])
        // Each chunk prints before it loops, so the test knows the loop runs before pressing Ctrl-C;
        // returns the screen once the error shows, with the prompt back.
        func interrupt(_ line: String, printing announced: String, until shown: String = "repl:1: interrupted") throws -> String {
            try session.type(line)
            try session.press("Enter")
            try session.waitFor("\n" + announced)
            try session.press("C-c")
            let screen = try session.waitFor(shown)
            try waitForPrompt(session)
            return screen
        }
        _ = try interrupt("print('looping') while true do end", printing: "looping")
        let screen = try interrupt(
            "function spin() print('spinning') while true do end end; spin()", printing: "spinning",
            until: "in function 'spin'")
        #expect(screen.contains("repl:1: interrupted\nstack traceback:"))
        // A REPL line runs without the budget hook; Ctrl-C still reaches the coroutine that loops.
        _ = try interrupt(
            "coroutine.wrap(function() print('in a coroutine') while true do end end)()", printing: "in a coroutine")
        _ = try interrupt(
            "local co = coroutine.create(function() print('deeper') while true do end end) coroutine.wrap(function() coroutine.resume(co) end)()",
            printing: "deeper")
        #expect(try enter(session, "'usable'").contains("\n\"usable\"\n"))
    }

    @Test func anErrorNamesItsLineAndTheREPLStaysUsable() throws {
        let session = try start(["repl"])
        try enter(session, "if true then", prompt: "   ...>")
        try enter(session, "  error('on line two')", prompt: "   ...>")
        #expect(try enter(session, "end").contains("   ...> end\nrepl:2: on line two\nlimber>"))
        #expect(try enter(session, "'after the error'").contains("\n\"after the error\"\n"))
    }

    @Test func historyIsKeptAcrossRuns() throws {
        let first = try start(["repl"])
        try enter(first, "remembered = 'from the first run'")
        try first.press("C-d")
        #expect(try first.waitForExit() == 0)
        let file = LimberPaths(home: home.url).history
        #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("remembered = 'from the first run'\n"))

        let second = try start(["repl"])
        try second.press("Up")
        try second.waitFor("limber> remembered = 'from the first run'")
        try enter(second, "")
        #expect(try enter(second, "remembered").contains("\n\"from the first run\"\n"))
    }

    @Test func aGuidedSessionEndsWithCtrlCAndGivesThePromptBack() throws {
        let session = try start(["repl"])
        try enter(
            session,
            """
            limber.routine{ id = 'long-hold', name = 'Long hold', steps = { { exercise = 'childs-pose', hold = 120 } } } and nil
            """)
        try enter(session, "limber.on('step_start', function(e) print('holding ' .. e.exercise) end)")
        try session.type("limber.session.start('long-hold', { get_ready = 0 })")
        try session.press("Enter")
        // The live display, as `limber start` shows it, with its keys.
        try session.waitFor("space pause · n next · q end")
        try session.waitFor("Child's Pose · 120 s")
        try session.press("C-c")
        try session.waitFor("Ended early: 0 of 1 sets")
        try waitForPrompt(session)
        let after = try enter(session, "limber.log.last('long-hold').outcome")
        #expect(after.contains("\n\"ended_early\"\n"), "the session was ended and logged as such")
        // Ctrl-C still belongs to the REPL after the session.
        try session.type("print('spinning') while true do end")
        try session.press("Enter")
        try session.waitFor("\nspinning")
        try session.press("C-c")
        try session.waitFor("repl:1: interrupted\nlimber>")
    }

    @Test func aGuidedSessionThatRunsToTheEndReturnsItsResult() throws {
        let session = try start(["repl"])
        try enter(
            session,
            """
            limber.routine{ id = 'quick', name = 'Quick', steps = { { exercise = 'childs-pose', hold = 20 } } } and nil
            """)
        let screen = try enter(session, "limber.session.start('quick', { get_ready = 0, pace = 100, log = false }).completed")
        #expect(screen.contains("\ntrue\nlimber>"))
    }
}
