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
            streakLine += terminal.dim("  ·  longest \(CommandLog.count(longest.days, "day")) (\(longest.start.iso) – \(longest.end.iso))")
        }
        output += streakLine + "\n"
        output += terminal.bold("sessions") + "   \(stats.totalSessions)"
        if let first = stats.firstDay { output += " since \(first.iso)" }
        output += "\n\n"

        let maxSessions = stats.weeks.map(\.sessions).max() ?? 0
        let maxMinutes = stats.weeks.map(\.minutes).max() ?? 0
        output += terminal.bold("week of     " + "sessions".padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + "minutes") + "\n"
        for week in stats.weeks {
            let sessions = bar(Double(week.sessions), of: Double(maxSessions)) + " " + String(week.sessions)
            let minutes = bar(week.minutes, of: maxMinutes) + " " + String(Int(week.minutes.rounded()))
            output += week.start.iso + "  " + sessions.padding(toLength: barWidth + 5, withPad: " ", startingAt: 0) + minutes + "\n"
        }
        output += "\n"

        let most = stats.mostPractised(listed)
        output += terminal.bold("most practised ") + " "
        output += most.isEmpty ? "nothing in these weeks" : most.map { "\($0.exercise.terminalSafe) (\(CommandLog.count($0.sets, "set")))" }.joined(separator: ", ")
        output += "\n"
        let least = stats.leastPractised(listed)
        if !least.isEmpty {
            output += terminal.bold("least practised") + " " + least.map { "\($0.exercise.terminalSafe) (\($0.sets))" }.joined(separator: ", ") + "\n"
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
