import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// `limber remind` with delivery from config.lua, the session bus found from cron, snoozes, and
/// desktop notifications with buttons (stand-in notify-send, gdbus and terminal on PATH).
@Suite("limber remind: config delivery, snooze, notification actions", .serialized)
struct RemindDeliveryTests {
    let home: TemporaryFolder
    let bin: TemporaryFolder
    let runtime: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
        bin = try TemporaryFolder()
        runtime = try TemporaryFolder()
        try home.write(
            ".config/limber/plugins/evening.lua",
            """
            limber.reminder{ id = 'evening', schedule = 'daily 18:00', routine = 'runner-cooldown',
              message = 'Time for your cool-down' }
            """)
    }

    func script(_ name: String, _ body: String) throws {
        try bin.writeScript(name, body)
    }

    func config(_ text: String) throws {
        try home.write(".config/limber/config.lua", text)
    }

    /// limber as cron runs it: HOME, a PATH with the stand-ins first, no session bus variable.
    func remind(_ arguments: [String], runtimeDir: Bool = true) throws -> LimberProcess.Result {
        var extra = ["LIMBER_SHIPPED_PLUGINS": "", "PATH": bin.commandPath]
        if runtimeDir { extra["XDG_RUNTIME_DIR"] = runtime.url.path }
        return try CronLikeProcess(home: home.url, extra: extra).run(["remind"] + arguments)
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: bin.path(name), encoding: .utf8)) ?? ""
    }

    func waitFor(_ done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if done() { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func configCommandDeliveryGetsItsWordsExactlyAndTheCommandLineOverridesIt() throws {
        try script("tell", "for word in \"$@\"; do echo \"[$word]\"; done >> \(bin.path("told"))\n")
        try config("return { remind = { deliver = { command = { 'tell', '--tag', \"it's a \\\"test\\\"\" } } } }")
        let result = try remind(["--now", "2025-06-04T18:05:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "", "a command delivery prints nothing")
        #expect(read("told") == "[--tag]\n[it's a \"test\"]\n[Time for your cool-down]\n")

        let overridden = try remind(["--now", "2025-06-05T18:05:00Z", "--notify", "stdout"])
        #expect(overridden.stdout == "Time for your cool-down\n")
        #expect(read("told").components(separatedBy: "[--tag]").count == 2, "the config's command did not run again")
    }

    @Test(arguments: [
        (
            "return { remind = { deliver = 'pigeon' } }",
            "field 'remind.deliver': expected \"stdout\", \"desktop\" or { command = {...} }, got 'pigeon'"
        ),
        ("return { remind = { deliver = { command = {} } } }", "field 'remind.deliver.command': expected a list of words"),
        (
            "return { remind = { deliver = { command = { 'a', 3 } } } }",
            "field 'remind.deliver.command[2]': expected a non-empty string, got number"
        ),
        ("return { remind = { delivr = 'desktop' } }", "unknown field 'remind.delivr'"),
        ("return { remind = { terminal = 'xterm' } }", "field 'remind.terminal': expected a list of words"),
    ])
    func aBadRemindConfigIsOneLineNamingTheField(text: String, message: String) throws {
        try config(text)
        let result = try remind(["--now", "2025-06-04T18:05:00Z"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: home.path(".local/state/limber/reminders.json")), "nothing recorded")
    }

    @Test func desktopFromConfigFindsTheSessionBusWithoutTheVariable() throws {
        try script("notify-send", "echo \"$DBUS_SESSION_BUS_ADDRESS|$*\" >> \(bin.path("notified"))\n")
        try config("return { remind = { deliver = 'desktop' } }")
        // No bus socket anywhere: one line saying so, nothing recorded.
        let noBus = try remind(["--now", "2025-06-04T18:05:00Z"], runtimeDir: false)
        if !FileManager.default.fileExists(atPath: "/run/user/\(getuid())/bus") {
            #expect(noBus.status != 0)
            #expect(noBus.stderr.contains("need a session bus, and DBUS_SESSION_BUS_ADDRESS is not set"), "\(noBus.stderr)")
        }
        _ = try runtime.write("bus", "")
        let result = try remind(["--now", "2025-06-04T18:05:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read("notified") == "unix:path=\(runtime.path("bus"))|--app-name=limber -- limber Time for your cool-down\n")
    }

    @Test func snoozeHoldsADeliveredReminderBackThenDeliversItAgainOnce() throws {
        #expect(try remind(["--now", "2025-06-04T18:05:00Z"]).stdout == "Time for your cool-down\n")
        let snooze = try remind(["--snooze", "evening", "10m", "--now", "2025-06-04T18:06:00Z"])
        #expect(snooze.status == 0, "\(snooze.stderr)")
        #expect(snooze.stdout == "evening: snoozed until 2025-06-04 18:16 UTC\n")
        let dry = try remind(["--dry-run", "--now", "2025-06-04T18:10:00Z"])
        #expect(dry.stdout.hasPrefix("evening: snoozed until 2025-06-04 18:16 UTC"), "\(dry.stdout)")
        #expect(try remind(["--now", "2025-06-04T18:10:00Z"]).stdout == "", "held back")
        #expect(try remind(["--now", "2025-06-04T18:16:00Z"]).stdout == "Time for your cool-down\n", "due again")
        #expect(try remind(["--now", "2025-06-04T18:30:00Z"]).stdout == "", "once")
        #expect(try remind(["--now", "2025-06-05T18:00:00Z"]).stdout == "Time for your cool-down\n", "the next day as usual")
    }

    @Test func aSnoozeBeforeDeliveryPutsItOffAndTheDefaultIsTenMinutes() throws {
        let snooze = try remind(["--snooze", "evening", "--now", "2025-06-04T18:01:00Z"])
        #expect(snooze.stdout == "evening: snoozed until 2025-06-04 18:11 UTC\n")
        #expect(try remind(["--now", "2025-06-04T18:05:00Z"]).stdout == "")
        #expect(try remind(["--now", "2025-06-04T18:11:00Z"]).stdout == "Time for your cool-down\n")
    }

    @Test(arguments: [
        (["--snooze", "mornnig", "10m"], "unknown reminder 'mornnig' (reminders: evening)"),
        (["--snooze", "evening", "ten"], "'ten' is not a duration such as 10m, 1h30m or 90s"),
        (["--snooze", "evening", "30s"], "a snooze is from 1 minute to 7 days"),
        (["--snooze", "evening", "8d"], "a snooze is from 1 minute to 7 days"),
        (["10m"], "a duration goes with --snooze ID"),
    ])
    func badSnoozesAreOneLine(arguments: [String], message: String) throws {
        let result = try remind(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// Stand-ins for a server with actions: gdbus lists 'actions', notify-send knows --action and
    /// answers with `answer` as if that button were pressed.
    func actionServer(answer: String) throws {
        try script("gdbus", "echo \"(['actions', 'body'],)\"\n")
        try script(
            "notify-send",
            """
            case "$1" in --help) echo "  -A, --action=[NAME=]Text..."; exit 0;; esac
            echo "$*" >> \(bin.path("notified"))
            echo \(answer)

            """)
        _ = try runtime.write("bus", "")
    }

    @Test func theSnoozeButtonSnoozesTheReminder() throws {
        try actionServer(answer: "snooze")
        try config("return { remind = { deliver = 'desktop' } }")
        let result = try remind(["--now", "2025-06-04T18:05:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let stateFile = home.path(".local/state/limber/reminders.json")
        #expect(waitFor { ((try? String(contentsOfFile: stateFile, encoding: .utf8)) ?? "").contains("snoozed") })
        let shown = read("notified")
        #expect(shown.contains("--action=snooze=Snooze 10 min --wait -- limber Time for your cool-down"), "\(shown)")
        #expect(!shown.contains("--action=start"), "no Start without a terminal in config")
        let dry = try remind(["--dry-run", "--now", "2025-06-04T18:06:00Z"])
        #expect(dry.stdout.hasPrefix("evening: snoozed until"), "\(dry.stdout)")
    }

    @Test func theStartButtonOpensTheConfiguredTerminalOnTheRoutine() throws {
        try actionServer(answer: "start")
        try script("fake-term", "echo \"$*\" > \(bin.path("term.tmp")); mv \(bin.path("term.tmp")) \(bin.path("term"))\n")
        try config("return { remind = { deliver = 'desktop', terminal = { 'fake-term', '-e' } } }")
        let result = try remind(["--now", "2025-06-04T18:05:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(waitFor { FileManager.default.fileExists(atPath: bin.path("term")) })
        #expect(read("notified").contains("--action=start=Start --action=snooze=Snooze 10 min --wait"))
        let words = read("term").trimmingCharacters(in: .newlines).split(separator: " ").map(String.init)
        #expect(words.first == "-e")
        #expect(words.suffix(2) == ["start", "runner-cooldown"])
        #expect(words.dropFirst().first?.hasSuffix("/limber") == true, "\(words)")
    }
}
