import Foundation
import LimberTestSupport
import Testing

/// The real binary with a hostile plugin beside good ones: the host goes on, and a plugin
/// stuck in C code ends the process with one line instead of hanging it.
@Suite("hostile plugins from the command line")
struct StoppedPluginTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_CPU_LIMIT": "0.1"], workingDirectory: home.url)
        try home.write(
            "config/plugins/a-spin.lua",
            """
            limber.reminder{ id = 'spin', schedule = 'every 30 minutes', message = 'x', due = function()
              while true do pcall(function() while true do end end) end
            end }
            """)
        try home.write(
            "config/plugins/b-good.lua",
            """
            limber.reminder{ id = 'good', schedule = 'every 30 minutes', message = 'time to stretch' }
            """)
    }

    @Test func remindDeliversTheOtherReminders() throws {
        let result = try limber.run(["remind"])
        #expect(result.stdout.contains("time to stretch"), "\(result)")
        #expect(result.stderr.contains("a-spin.lua:2: stopped after 0.1 s of CPU time"), "\(result.stderr)")
    }

    @Test func theREPLPromptComesBackAfterAPluginStoppedAtLoad() throws {
        try home.write(
            "config/plugins/c-load.lua",
            "while true do xpcall(function() while true do end end, function() while true do end end) end")
        let result = try limber.run(["repl"], stdin: "1 + 1\n#limber.catalogue.all() > 0\n")
        #expect(result.stdout == "2\ntrue\n", "\(result)")
        #expect(result.stderr.contains("c-load.lua:1: stopped after 0.1 s of CPU time"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("opening a FIFO nobody writes", "r"),
        ("opening a FIFO nobody reads", "w"),
    ])
    func theWatchdogEndsAPluginStuckInC(name: String, mode: String) throws {
        // Opening a FIFO blocks inside C until the other end opens: no hook sees it.
        let fifo = home.path("stuck.fifo")
        try #require(mkfifo(fifo, 0o600) == 0)
        let plugin = try home.write("hang.lua", "-- needs: files\nlocal f = io.open('\(fifo)', '\(mode)')")
        // Grants belong to a file (issue 18), named by its path.
        try home.write("config/config.lua", "return { grants = { ['\(plugin.path)'] = { 'files' } } }")
        let start = Date()
        let result = try limber.run(["plugins", "check", plugin.path])
        #expect(result.status == 70, "\(name): \(result)")
        #expect(
            result.stderr.contains("limber: hang.lua did not come back from C code within 1.0 s; stopping"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 60, "ended, not hung")
    }

    @Test func loadingRefusesWaitsAndSideEffects() throws {
        for (index, call) in [
            "limber.timer.sleep(86400)", "limber.notify('hi')",
            "limber.log.record{ routine = 'x', exercise = 'cat-cow', reps = 3 }", "limber.session.start('x')",
            "limber.timer.countdown(3)",
        ].enumerated() {
            let plugin = try home.write("side\(index).lua", "local x = 1\n" + call)
            let start = Date()
            let result = try limber.run(["plugins", "check", plugin.path])
            let name = String(call.prefix { $0 != "(" && $0 != "{" })
            #expect(result.status != 0)
            #expect(result.stdout.contains("side\(index).lua:2: \(name) cannot run while a plugin loads"), "\(result)")
            #expect(Date().timeIntervalSince(start) < 10)
        }
        let log = try limber.run(["log", "--json"])
        #expect(!log.stdout.contains("cat-cow"), "nothing reached the log")
    }
}
