import ArgumentParser
import LimberCore

/// `limber log rest`: planned rest days, which keep a streak alive.
struct LogRestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rest",
        abstract: "Plan rest days (dates, or weekdays every week); a rest day keeps a streak alive.",
        discussion: """
            Examples:
              limber log rest 2024-06-01 2024-06-02     # a weekend off
              limber log rest --weekly sun              # every Sunday
              limber log rest --weekly none             # no weekly rest day
              limber log rest --remove 2024-06-02
              limber log rest                           # show the plan
            """
    )

    @Argument(help: ArgumentHelp("Days to rest: today, tomorrow or YYYY-MM-DD.", valueName: "day"))
    var days: [String] = []

    @Option(help: ArgumentHelp("Weekdays that are always rest days: mon,tue,... or none.", valueName: "days"))
    var weekly: String?

    @Option(help: ArgumentHelp("Remove the mark on this day.", valueName: "day"))
    var remove: String?

    @Option(help: "Why (shown in the log).")
    var reason: String?

    static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    func run() throws {
        let today = try CommandLog.today()
        func parse(_ text: String) throws -> LocalDay {
            if text == "tomorrow" { return today.adding(days: 1) }
            guard let day = LogDateInput.firstDay(text, today: today),
                text.contains("-") || text == "today" || text == "yesterday"
            else { throw LimberFailure("'\(text)' is not a day like tomorrow or 2024-06-01") }
            return day
        }
        let planned = try days.map(parse)
        let removed = try remove.map(parse)
        var weekdays: Set<Int>?
        if let weekly {
            let words = weekly.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if words == ["none"] {
                weekdays = []
            } else {
                weekdays = Set(
                    try words.map { word in
                        guard let index = Self.weekdayNames.firstIndex(where: { word.hasPrefix($0) && word.count >= 3 }) else {
                            throw LimberFailure(
                                "--weekly: '\(word)' is not a weekday (mon, tue, wed, thu, fri, sat, sun) or none")
                        }
                        return index + 1
                    })
            }
        }
        let log = try CommandLog.open()
        try CommandLog.perform {
            for day in planned { try log.mark(DayMark(day: day, kind: .rest, reason: reason)) }
            if let removed { try log.unmark(removed) }
            if let weekdays { try log.setRestWeekdays(weekdays) }
        }
        let (marks, restWeekdays) = try CommandLog.perform {
            (try log.marks(from: today).filter { $0.kind == .rest }, try log.restWeekdays())
        }
        let weekly = restWeekdays.sorted().map { Self.weekdayNames[$0 - 1] }.joined(separator: ", ")
        print("weekly rest days: \(weekly.isEmpty ? "none" : weekly)")
        if marks.isEmpty {
            print("no rest days planned from today")
        } else {
            print(
                "rest days planned: "
                    + marks.map { CommandLog.dayLabel($0.day) + ($0.reason.map { " (\($0.terminalSafe))" } ?? "") }.joined(
                        separator: ", "))
        }
    }
}
