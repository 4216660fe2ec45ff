import LimberCore

/// `limber stats` for people: streaks, a bar chart of the last weeks, exercises, discomfort.
///
/// Bars use block characters on a TTY and `#` otherwise; colour only where `Terminal` allows it.
struct StatsView {
    let stats: LogStats
    let terminal: Terminal
    /// Exercises listed as most and least practised.
    var listed = 5
    /// The widest bar, in characters.
    var barWidth = 20
    /// Runs in the same weeks, shown after the discomfort line when there are any.
    var runs: RunStats?

    func render() -> String {
        var output = ""
        let streaks = stats.streaks
        var streakLine = terminal.bold("streak") + "     "
        if let current = streaks.current {
            streakLine += terminal.green(CommandLog.count(current.days, "day")) + " since \(CommandLog.dayLabel(current.start))"
        } else {
            streakLine += "none"
        }
        if let longest = streaks.longest {
            streakLine += terminal.dim(
                "  ·  longest \(CommandLog.count(longest.days, "day")) (\(longest.start.iso) – \(longest.end.iso))")
        }
        output += streakLine + "\n"
        output += terminal.bold("sessions") + "   \(stats.totalSessions)"
        if let first = stats.firstDay { output += " since \(first.iso)" }
        output += "\n\n"

        let maxSessions = stats.weeks.map(\.sessions).max() ?? 0
        let maxMinutes = stats.weeks.map(\.minutes).max() ?? 0
        output +=
            terminal.bold("week of     " + "sessions".padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + "minutes")
            + "\n"
        for week in stats.weeks {
            let sessions = bar(Double(week.sessions), of: Double(maxSessions)) + " " + String(week.sessions)
            let minutes = bar(week.minutes, of: maxMinutes) + " " + String(Int(week.minutes.rounded()))
            output +=
                week.start.iso + "  " + sessions.padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + minutes + "\n"
        }
        output += "\n"

        let most = stats.mostPractised(listed)
        output += terminal.bold("most practised ") + " "
        output +=
            most.isEmpty
            ? "nothing in these weeks"
            : most.map { "\($0.exercise.terminalSafe) (\(CommandLog.count($0.sets, "set")))" }.joined(separator: ", ")
        output += "\n"
        let least = stats.leastPractised(listed)
        if !least.isEmpty {
            output +=
                terminal.bold("least practised") + " "
                + least.map { "\($0.exercise.terminalSafe) (\($0.sets))" }.joined(separator: ", ") + "\n"
        }
        let rated = stats.weeks.compactMap(\.discomfort)
        output += terminal.bold("discomfort     ") + " "
        if rated.isEmpty {
            output += "not rated in these weeks\n"
        } else {
            let byWeek = stats.weeks.map { $0.discomfort.map { String(format: "%.1f", $0) } ?? "-" }.joined(separator: " ")
            output += "by week \(byWeek)"
            if let trend = stats.discomfortTrend {
                let word: String
                switch trend {
                case .rising: word = terminal.yellow("rising")
                case .falling: word = terminal.green("falling")
                case .steady: word = "steady"
                }
                output += " (\(word))"
            }
            output += "\n"
        }
        if let runs, runs.runs > 0 { output += runLines(runs) }
        return output
    }

    /// Weekly runs and kilometres, and how many runs a cool-down followed.
    func runLines(_ runs: RunStats) -> String {
        var output =
            "\n" + terminal.bold("week of     " + "runs".padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + "km")
            + "\n"
        let maxRuns = Double(runs.weeks.map(\.runs).max() ?? 0)
        let maxKilometres = runs.weeks.map(\.kilometres).max() ?? 0
        for week in runs.weeks {
            let count = bar(Double(week.runs), of: maxRuns) + " " + String(week.runs)
            let distance = bar(week.kilometres, of: maxKilometres) + " " + String(format: "%.1f", week.kilometres)
            output += week.start.iso + "  " + count.padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + distance + "\n"
        }
        output +=
            terminal.bold("after a run    ")
            + " \(runs.followedByCooldown) of \(CommandLog.count(runs.runs, "run")) followed by a cool-down within \(runs.cooldownWindowHours) hours\n"
        output += terminal.bold("runs logged    ") + " " + RunText.sources(runs.bySource) + "\n"
        return output
    }

    /// A bar `value / maximum` of the full width: eighth blocks on a TTY, `#` otherwise.
    func bar(_ value: Double, of maximum: Double) -> String {
        guard maximum > 0, value > 0 else { return String(repeating: " ", count: barWidth) }
        let fraction = value / maximum * Double(barWidth)
        let text: String
        if terminal.isTTY {
            let eighths = max(1, Int((fraction * 8).rounded()))
            let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            text = String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
        } else {
            text = String(repeating: "#", count: max(1, Int(fraction.rounded())))
        }
        return terminal.cyan(text) + String(repeating: " ", count: max(0, barWidth - text.count))
    }
}
