import LimberCore
import Testing

@testable import LimberCLI

struct StatsViewTests {
    private func stats() throws -> LogStats {
        let day = try #require(LocalDay(iso: "2024-05-06"))
        return LogStats(
            today: day.adding(days: 2),
            streaks: Streaks(
                current: Streak(days: 3, start: day, end: day.adding(days: 2)),
                longest: Streak(days: 9, start: day.adding(days: -30), end: day.adding(days: -22))),
            totalSessions: 40, firstDay: day.adding(days: -60),
            weeks: [
                WeekStats(start: day.adding(days: -7), sessions: 4, minutes: 40, discomfort: 4, discomfortRatings: 2),
                WeekStats(start: day, sessions: 2, minutes: 15, discomfort: 2, discomfortRatings: 1),
            ],
            exercises: [
                ExerciseCount(exercise: "cat-cow", sets: 6, seconds: 0), ExerciseCount(exercise: "bridge", sets: 0, seconds: 0),
            ],
            discomfortTrend: .falling)
    }

    @Test func plainOutputUsesHashBarsAndNoEscapes() throws {
        let text = StatsView(stats: try stats(), terminal: Terminal(isTTY: false, colour: false), barWidth: 8).render()
        #expect(text.contains("streak     3 days since Mon 2024-05-06  ·  longest 9 days (2024-04-06 – 2024-04-14)"))
        #expect(text.contains("2024-04-29  ######## 4"))
        #expect(text.contains("2024-05-06  ####     2"))
        #expect(text.contains("most practised  cat-cow (6 sets)"))
        #expect(text.contains("least practised bridge (0), cat-cow (6)"))
        #expect(text.contains("by week 4.0 2.0 (falling)"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func aTerminalGetsBlockBars() throws {
        let text = StatsView(stats: try stats(), terminal: Terminal(isTTY: true, colour: false), barWidth: 8).render()
        #expect(text.contains("2024-04-29  ████████ 4"))
        let week = text.split(separator: "\n").first { $0.hasPrefix("2024-05-06") }
        #expect(week == "2024-05-06  ████     2   ███      15")
    }
}
