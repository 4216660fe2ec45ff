import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// `limber start`, `limber routines` and `limber plan`, run as the built binary.
@Suite("limber start, routines, plan", .serialized)
struct StartCommandTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    static let quick = """
        limber.routine{ id = 'quick', name = 'Quick', rest = 1,
          steps = { { exercise = 'childs-pose', hold = 2 }, { exercise = 'calf-stretch', hold = 2 } } }
        limber.routine{ id = 'one', name = 'One', steps = { { exercise = 'childs-pose', hold = 1 } } }
        """

    init() throws {
        home = try TemporaryFolder()
        try home.write("config/plugins/quick.lua", Self.quick)
        limber = LimberProcess(home: home.url)
    }

    @Test func routinesListsTheShippedOnes() throws {
        let result = try limber.run(["routines"])
        #expect(result.status == 0)
        for id in ["runner-cooldown", "prerun-warmup", "lower-back-relief", "quick"] { #expect(result.stdout.contains(id)) }
        let json = try limber.run(["routines", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let cooldown = try #require(rows.first { $0["id"] as? String == "runner-cooldown" })
        #expect(cooldown["phase"] as? String == "cooldown")
        #expect(cooldown["steps"] as? Int == 7)
    }

    @Test func planShowsTheStepsInOrderAndTheTotal() throws {
        let result = try limber.run(["plan", "runner-cooldown", "--json"])
        #expect(result.status == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let steps = try #require(plan["steps"] as? [[String: Any]])
        #expect(
            steps.compactMap { $0["exercise"] as? String } == [
                "roll-down", "downward-dog", "childs-pose", "cat-cow", "modified-childs-pose",
                "kneeling-hip-flexor-stretch", "figure-four-stretch",
            ])
        for step in steps where step["unit"] as? String == "seconds" {
            #expect((30...60).contains(step["amount"] as? Int ?? 0), "the article's 30–60 s holds")
        }
        let text = try limber.run(["plan", "quick", "--no-countdown"])
        #expect(text.stdout.contains("Child's Pose"))
        #expect(text.stdout.contains("total 12 s"), "2 + rest 1 + 2 + switch 5 + 2")
        for id in ["prerun-warmup", "lower-back-relief"] { #expect(try limber.run(["plan", id]).status == 0) }
    }

    @Test func anUnknownRoutineIsOneLine() throws {
        let result = try limber.run(["start", "runner-cooldwn"])
        #expect(result.status == 1)
        #expect(result.stderr == "limber: unknown routine 'runner-cooldwn' (did you mean 'runner-cooldown'?)\n")
        #expect(try limber.run(["plan", "nope"]).status == 1)
        #expect(try limber.run(["start", "quick", "--pace", "0"]).status != 0)
    }

    @Test func jsonLinesAtPaceAndTheSafetyNoticeOnce() throws {
        let first = try limber.run(["start", "quick", "--json", "--pace", "50"])
        #expect(first.status == 0)
        let lines = first.stdout.split(separator: "\n").map(String.init)
        let names = try lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return object["event"] as? String ?? "?"
        }
        #expect(names.first == "session_start")
        #expect(names.last == "session_done")
        #expect(names.filter { $0 == "step_done" }.count == 3)
        #expect(lines.first?.contains("\"pace\":50") == true)
        #expect(first.stderr.contains("serious discomfort"), "the first session shows the safety notice (on stderr with --json)")
        let second = try limber.run(["start", "quick", "--json", "--pace", "50", "--no-countdown"])
        #expect(second.status == 0)
        #expect(!second.stderr.contains("serious discomfort"), "only once per user")
        #expect(try limber.run(["log", "--json"]).stdout.contains("quick") == false, "paced sessions are not logged")
    }

    @Test func plainOutputWithoutATerminalAndTheVoiceWhenMissing() throws {
        let quiet = LimberProcess(home: home.url, extra: ["PATH": "/nonexistent"])
        let result = try quiet.run(["start", "quick", "--pace", "50", "--voice", "--no-safety-notice"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\r"))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("switch sides: Static Calf Stretch, right side in 5 s"))
        #expect(result.stdout.contains("finished Quick: 3 of 3 sets"))
        #expect(result.stderr == "limber: \(voiceMissing)\n")
    }

    @Test func aSessionAtRealPaceIsLoggedSetBySet() throws {
        let result = try limber.run(["start", "one", "--json", "--no-countdown", "--no-safety-notice"])
        #expect(result.status == 0)
        let log = try limber.run(["log", "--json"])
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])
        let sessions = try #require(listing["sessions"] as? [[String: Any]])
        let session = try #require(sessions.first { $0["routine"] as? String == "one" })
        #expect(session["source"] as? String == "guided")
        #expect(session["completed"] as? Bool == true)
    }

    @Test func onATerminalKeysPauseAndEndAndTheTerminalComesBack() throws {
        let environment = ["LIMBER_HOME": home.url.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let shell =
            "\(LimberProcess.executable.path) start runner-cooldown --pace 10 --no-safety-notice; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '"
        let tmux = try TmuxSession(["/bin/sh", "-c", shell], environment: environment)
        try tmux.waitFor("Roll Down")
        let screen = try tmux.waitFor("pace ×10")
        #expect(screen.contains("space pause · n next · q end"))
        try tmux.type(" ")
        try tmux.waitFor("PAUSED")
        try tmux.type(" ")
        try tmux.waitFor("space pause")
        try tmux.type("q")
        _ = try tmux.waitForExit()
        let end = try tmux.screen()
        #expect(end.contains("exit=0"))
        #expect(end.contains("Ended early"))
        #expect(end.contains("icanon echo "), "the terminal's modes are on the screen")
        #expect(!end.contains("-icanon"), "the terminal is back in line mode")
        #expect(!end.contains("-echo "), "echo is back on")
    }

    @Test func ctrlCEndsTheSessionCleanly() throws {
        let environment = ["LIMBER_HOME": home.url.path, "PATH": "/usr/bin:/bin"]
        // The shell traps SIGINT (a trap, unlike an ignored signal, is reset for limber), so it
        // lives to report limber's exit status and the terminal's mode.
        let shell =
            "trap : INT; \(LimberProcess.executable.path) start runner-cooldown --no-safety-notice; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '"
        let tmux = try TmuxSession(["/bin/sh", "-c", shell], environment: environment)
        try tmux.waitFor("Get ready")
        try tmux.waitFor(" 9 s") // the first tick: the session is running, keys and signals set up
        try tmux.press("C-c")
        _ = try tmux.waitForExit()
        let end = try tmux.screen()
        #expect(end.contains("exit=130"))
        #expect(end.contains("icanon echo "), "the terminal's modes are on the screen")
        #expect(!end.contains("-icanon") && !end.contains("-echo"), "line mode and echo are back")
        // The session is in the log, ended early. (The "Ended early" line on screen was seen wiped
        // in some runs; not asserted here until that is understood: see issue 3's note.)
        let log = try limber.run(["log", "--json"])
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [String: Any])
        let sessions = try #require(listing["sessions"] as? [[String: Any]])
        let session = try #require(sessions.first { $0["routine"] as? String == "runner-cooldown" })
        #expect(session["completed"] as? Bool == false)
    }
}

private let voiceMissing =
    "--voice needs espeak-ng, which is not installed (Debian: apt install espeak-ng); going on without voice"

@Suite("limber plan with progressions", .serialized)
struct PlanProgressionTests {
    @Test func planShowsWhichProgressionChangedWhatAndWhy() throws {
        let home = try TemporaryFolder()
        for day in ["01", "03", "05", "08", "10", "12"] {
            let logged = try LimberProcess(home: home.url, extra: ["TZ": "UTC", "LIMBER_NOW": "2026-11-\(day)T18:00"])
                .run(["log", "add", "runner-cooldown"])
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        let now = LimberProcess(home: home.url, extra: ["TZ": "UTC", "LIMBER_NOW": "2026-11-15T08:00"])
        let plan = try now.run(["plan", "runner-cooldown"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("hold-progression: static holds start at 30 s"))
        #expect(plan.stdout.contains("step 3: childs-pose hold 45 → 40 s: 2 weeks with 3+ completed sessions"))
        #expect(plan.stdout.contains("Child's Pose                 40 s"))

        let painful = try LimberProcess(home: home.url, extra: ["TZ": "UTC", "LIMBER_NOW": "2026-11-15T18:00"])
            .run(["log", "add", "runner-cooldown", "--discomfort", "8"])
        #expect(painful.status == 0)
        let after = try LimberProcess(home: home.url, extra: ["TZ": "UTC", "LIMBER_NOW": "2026-11-23T08:00"])
            .run(["plan", "runner-cooldown", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let changes = try #require(json["progressions"] as? [[String: Any]])
        let childsPose = try #require(changes.first { $0["exercise"] as? String == "childs-pose" })
        #expect(childsPose["to"] as? Int == 40, "a week with a session rated 8/10 earns nothing")
    }
}
