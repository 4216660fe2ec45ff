import ArgumentParser
import LimberCore

/// `limber log skip`: today (or a day) is skipped on purpose, which keeps a streak alive.
struct LogSkipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Mark today (or --on a day) as skipped, with a reason; a skip keeps a streak alive.",
        discussion: "A skip bridges a streak but does not add to it. `--undo` removes the mark."
    )

    @Option(help: "Why (ill, travelling, race day).")
    var reason: String?

    @Option(help: ArgumentHelp("The day: today, yesterday or YYYY-MM-DD (default today).", valueName: "day"))
    var on: String?

    @Flag(help: "Remove the day's skip or rest mark instead.")
    var undo = false

    func run() throws {
        let today = try CommandLog.today()
        var day = today
        if let on {
            guard let parsed = LogDateInput.firstDay(on, today: today), on.contains("-") || on == "today" || on == "yesterday"
            else {
                throw LimberFailure("--on '\(on)' is not a day like today, yesterday or 2024-05-01")
            }
            day = parsed
        }
        let log = try CommandLog.open()
        if undo {
            let removed = try CommandLog.perform { try log.unmark(day) }
            print(removed ? "removed the mark on \(CommandLog.dayLabel(day))" : "\(CommandLog.dayLabel(day)) had no mark")
            return
        }
        try CommandLog.perform { try log.mark(DayMark(day: day, kind: .skip, reason: reason)) }
        let streak = try CommandLog.perform { try log.streaks(today: today).current?.days ?? 0 }
        print("skipped \(CommandLog.dayLabel(day))\(reason.map { " (\($0))" } ?? ""); streak: \(CommandLog.count(streak, "day"))")
    }
}
