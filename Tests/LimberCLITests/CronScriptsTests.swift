import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// The worked examples in `scripts/`: the cron wrapper and the weekly summary.
@Suite("scripts: limber-cron and weekly-summary.lua", .serialized)
struct CronScriptsTests {
    let home: TemporaryFolder
    let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts")

    init() throws {
        home = try TemporaryFolder()
    }

    /// Runs `scripts/limber-cron` with only what cron sets (HOME, PATH) plus `extra`.
    func cronWrapper(_ arguments: [String], extra: [String: String]) throws -> (TimedProcess.Termination, String, String) {
        var environment = ["HOME": home.url.path, "PATH": "/usr/bin:/bin", "LIMBER_SHIPPED_PLUGINS": ""]
        environment.merge(extra) { _, new in new }
        let result = try TimedProcess.run(
            scripts.appendingPathComponent("limber-cron").path, arguments: arguments, environment: environment, capture: true,
            timeout: .seconds(60))
        return (
            result.termination, String(decoding: result.output, as: UTF8.self),
            String(decoding: result.errorOutput, as: UTF8.self)
        )
    }

    @Test func theCronWrapperFindsLimberAndPassesItsArgumentsOn() throws {
        try home.write(
            ".config/limber/plugins/evening.lua",
            "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch, please' }\n")
        let binary = ["LIMBER_BIN": LimberProcess.executable.path]
        let due = try cronWrapper(["--now", "2025-06-04T18:05:00Z"], extra: binary)
        #expect(due.0 == .exited(0), "\(due.2)")
        #expect(due.1 == "stretch, please\n")
        let quiet = try cronWrapper(["--now", "2025-06-04T18:35:00Z"], extra: binary)
        #expect(quiet.0 == .exited(0))
        #expect(quiet.1 == "" && quiet.2 == "")
        let missing = try cronWrapper([], extra: ["LIMBER_BIN": home.path("nowhere/limber")])
        #expect(missing.0 == .exited(127))
        #expect(missing.2 == "limber-cron: cannot find limber (set LIMBER_BIN, or put limber on PATH)\n")
    }

    @Test func theWeeklySummaryReadsTheLog() throws {
        let limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        let summary = scripts.appendingPathComponent("weekly-summary.lua").path
        let empty = try limber.run(["run", summary, "--quiet-if-empty"])
        #expect(empty.status == 0 && empty.stdout == "", "a week with nothing logged sends no mail")

        for entry in [
            ["run", "--minutes", "40", "--at", "yesterday 07:00"],
            ["figure-four-stretch", "--hold", "45", "--discomfort", "8", "--at", "yesterday 08:00"],
            ["run", "--minutes", "30", "--at", "3d ago"],
        ] {
            let logged = try limber.run(["log", "add"] + entry)
            #expect(logged.status == 0, "\(logged.stderr)")
        }
        let result = try limber.run(["run", summary])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("limber: your last seven days (") == true)
        #expect(lines.contains("  runs:     2 runs, 1 h 10 min, 1 without a stretch after"))
        #expect(lines.contains("  most practised: figure-four-stretch (2 sets)"))
        #expect(lines.contains("  discomfort: average 8.0 of 10, highest 8"))
        #expect(lines.contains { $0.hasPrefix("  mobility: 1 session, ") && $0.hasSuffix(" on 1 day") })
        #expect(lines.contains { $0.hasPrefix("  streak: ") })
    }
}
