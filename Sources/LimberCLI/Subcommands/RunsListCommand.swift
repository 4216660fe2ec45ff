import ArgumentParser
import Foundation
import LimberCore

/// `limber runs [list]`: the runs in the log, readable or as JSON.
struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
            "List runs: date, start, duration, distance, sport and source file or how it was logged (the default for `limber runs`).",
        discussion: "Without --since, shows the last 20 runs."
    )

    @Option(help: ArgumentHelp("Only runs since then: 7d, 2w, 1y, today, yesterday or a date YYYY-MM-DD.", valueName: "period"))
    var since: String?

    @Flag(
        help:
            "Print {\"runs\": [...]} with started_at, ended_at (ISO 8601 UTC), seconds, distance_m, sport, source (the file) and origin (import, manual or script)."
    )
    var json = false

    func run() throws {
        let today = try CommandLog.today()
        var sinceDay: LocalDay?
        if let since {
            guard let day = LogDateInput.firstDay(since, today: today) else {
                throw LimberFailure("--since '\(since)' is not a period like 7d, 2w, 1y or a date YYYY-MM-DD")
            }
            sinceDay = day
        }
        let log = try CommandLog.open()
        let runs = try CommandLog.perform { try log.runs(sinceDay: sinceDay, limit: since == nil ? 20 : nil) }
        if json {
            print(try JSONOutput.string(RunText.JSONRuns(runs: runs.map(RunText.JSONRun.init))))
            return
        }
        if runs.isEmpty {
            print(
                since == nil
                    ? "no runs logged yet; `limber runs import FILE|FOLDER` imports them from your watch's files"
                    : "no runs match")
            return
        }
        for run in runs { print(RunText.line(run)) }
    }
}
