import ArgumentParser
import Foundation
import LimberCore

/// `limber stats`: streaks, weekly sessions and minutes, exercises, discomfort.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show streaks, sessions and minutes per week, most and least practised exercises, and the discomfort trend."
    )

    @Option(help: "How many weeks to chart, the current one last.")
    var weeks: Int = 8

    @Option(help: ArgumentHelp("The first day of a week.", valueName: "mon|sun"))
    var weekStart: String = "mon"

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    func validate() throws {
        if !(1...520).contains(weeks) { throw ValidationError("--weeks must be between 1 and 520") }
        if !["mon", "sun"].contains(weekStart) { throw ValidationError("--week-start must be mon or sun") }
    }

    func run() throws {
        let today = try CommandLog.today()
        let log = try CommandLog.open()
        let known = Catalogue.builtin.all.map(\.id)
        let (stats, runs) = try CommandLog.perform {
            let firstWeekday = weekStart == "sun" ? 1 : 2
            return (
                try log.stats(today: today, weeks: weeks, firstWeekday: firstWeekday, known: known),
                try log.runStats(today: today, weeks: weeks, firstWeekday: firstWeekday)
            )
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            var output = StatsJSON(stats)
            output.runs = runs
            let data = try encoder.encode(output)
            print(String(decoding: data, as: UTF8.self))
            return
        }
        var view = StatsView(stats: stats, terminal: Terminal())
        view.runs = runs
        print(view.render(), terminator: "")
    }
}

/// `limber stats --json`: the statistics, with the most and least practised lists spelled out.
struct StatsJSON: Encodable {
    var today: LocalDay
    var streaks: Streaks
    var totalSessions: Int
    var firstDay: LocalDay?
    var weeks: [WeekStats]
    var exercises: [ExerciseCount]
    var mostPractised: [ExerciseCount]
    var leastPractised: [ExerciseCount]
    var discomfortTrend: DiscomfortTrend?
    /// Runs in the same weeks: distance, and runs followed by a cool-down.
    var runs: RunStats?

    init(_ stats: LogStats) {
        today = stats.today
        streaks = stats.streaks
        totalSessions = stats.totalSessions
        firstDay = stats.firstDay
        weeks = stats.weeks
        exercises = stats.exercises
        mostPractised = stats.mostPractised(5)
        leastPractised = stats.leastPractised(5)
        discomfortTrend = stats.discomfortTrend
    }
}
