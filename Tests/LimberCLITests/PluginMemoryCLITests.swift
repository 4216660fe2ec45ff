import Foundation
import LimberTestSupport
import Testing

/// The real binary with a plugin that fills memory beside good ones: that plugin is named and
/// stopped, the others load and run, and limber's own work (plans, logging) goes on.
@Suite("a plugin that fills memory, from the command line")
struct PluginMemoryCLITests {
    let home: TemporaryFolder
    let limber: LimberProcess

    /// Fills memory at load, catching "not enough memory", and keeps what it got in a reminder.
    static let hog = """
        local hoard = {}
        pcall(function() for i = 1, 1e9 do hoard[i] = string.rep('h', 1 << 20) .. i end end)
        limber.reminder{ id = 'hog', schedule = 'every 30 minutes', message = 'hog', due = function() return #hoard > 0 end }
        """
    static let quick = """
        limber.routine{ id = 'quick', name = 'Quick', steps = { { exercise = 'childs-pose', hold = 30 } } }
        limber.reminder{ id = 'good', schedule = 'every 30 minutes', message = 'time to stretch' }
        """

    init() throws {
        home = try TemporaryFolder()
        // Filling 128 MiB takes a moment: on a loaded machine the default 3 s of waiting could
        // stop the plugin first, so the budget (and with it the wait) is larger here.
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_CPU_LIMIT": "5"], workingDirectory: home.url)
    }

    @Test func checkNamesThePluginAndFails() throws {
        let plugin = try home.write("hog.lua", Self.hog)
        let result = try limber.run(["plugins", "check", plugin.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("hog.lua: used more than 128 MiB of memory"), "\(result.stdout)")
    }

    @Test func theNextPluginLoadsItsRoutineRunsAndTheSessionIsLogged() throws {
        try home.write("config/plugins/a-hog.lua", Self.hog)
        try home.write("config/plugins/b-quick.lua", Self.quick)
        let line = "limber: plugin a-hog failed: config/plugins/a-hog.lua: used more than 128 MiB of memory"

        let plan = try limber.run(["plan", "quick"])
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout.contains("Child's Pose"), "\(plan.stdout)")
        #expect(plan.stderr.split(separator: "\n") == [Substring(line)], "one line: \(plan.stderr)")

        let session = try limber.run(["start", "quick", "--pace", "50", "--no-countdown", "--no-safety-notice"])
        #expect(session.status == 0, "\(session)")
        #expect(session.stdout.contains("finished Quick"), "\(session.stdout)")

        let logged = try limber.run(["log", "add", "quick"])
        #expect(logged.status == 0, "\(logged)")
        #expect(logged.stdout.contains("logged quick"), "\(logged.stdout)")
        #expect(try limber.run(["log", "--json"]).stdout.contains("\"routine\" : \"quick\""))

        let remind = try limber.run(["remind"])
        #expect(remind.stdout.contains("time to stretch"), "\(remind)")
        #expect(!remind.stdout.contains("hog"), "\(remind.stdout)")
    }

    @Test func aDueThatFillsMemoryIsStoppedAndTheOtherRemindersAreDelivered() throws {
        try home.write(
            "config/plugins/a-grow.lua",
            """
            limber.reminder{ id = 'grow', schedule = 'every 30 minutes', message = 'x', due = function()
              local t = {} for i = 1, 1e9 do t[i] = string.rep('d', 1 << 20) .. i end
            end }
            """)
        try home.write("config/plugins/b-quick.lua", Self.quick)
        let result = try limber.run(["remind"])
        #expect(result.stdout.contains("time to stretch"), "\(result)")
        #expect(result.stderr.contains("a-grow.lua: used more than 128 MiB of memory"), "\(result.stderr)")
    }

    @Test func aHookThatFillsMemoryIsStoppedAndTheSessionGoesOn() throws {
        try home.write(
            "config/plugins/quick.lua",
            Self.quick
                + "\nlimber.on('step_start', function() local t = {} for i = 1, 1e9 do t[i] = string.rep('g', 1 << 20) .. i end end)"
        )
        let session = try limber.run(["start", "quick", "--pace", "50", "--no-countdown", "--no-safety-notice"])
        #expect(session.status == 0, "\(session)")
        #expect(session.stdout.contains("finished Quick: 1 of 1 sets"), "\(session.stdout)")
        #expect(session.stderr.contains("quick.lua: used more than 128 MiB of memory (step_start hook"), "\(session.stderr)")
        let logged = try limber.run(["log", "add", "quick"])
        #expect(logged.status == 0, "\(logged)")
    }
}
