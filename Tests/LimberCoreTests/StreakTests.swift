import Foundation
import Testing

@testable import LimberCore

struct StreakTests {
    private func days(_ texts: String...) -> [LocalDay] { texts.map(LogFixtures.day) }

    private func streaks(_ practice: [LocalDay], bridges: [LocalDay] = [], weekdays: Set<Int> = [], today: String) -> Streaks {
        Streaks(practiceDays: practice, bridges: Set(bridges), restWeekdays: weekdays, today: LogFixtures.day(today))
    }

    @Test func consecutiveDaysMakeAStreak() {
        let result = streaks(days("2024-05-01", "2024-05-02", "2024-05-03"), today: "2024-05-03")
        #expect(result.current == Streak(days: 3, start: LogFixtures.day("2024-05-01"), end: LogFixtures.day("2024-05-03")))
        #expect(result.longest == result.current)
    }

    @Test func todayIsNotOverYet() {
        let practice = days("2024-05-01", "2024-05-02")
        #expect(streaks(practice, today: "2024-05-03").current?.days == 2, "a streak that reached yesterday is alive")
        #expect(streaks(practice, today: "2024-05-04").current == nil, "a whole missed day ends it")
        #expect(streaks(practice, today: "2024-05-04").longest?.days == 2)
    }

    @Test func aMissedDayBreaksTheStreak() {
        let result = streaks(days("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-05", "2024-05-06"), today: "2024-05-06")
        #expect(result.current?.days == 2)
        #expect(result.longest?.days == 3)
        #expect(result.longest?.start == LogFixtures.day("2024-05-01"))
    }

    @Test func skipsAndRestDaysBridgeButDoNotCount() {
        let practice = days("2024-05-01", "2024-05-02", "2024-05-05", "2024-05-06")
        let result = streaks(practice, bridges: days("2024-05-03", "2024-05-04"), today: "2024-05-06")
        #expect(result.current == Streak(days: 4, start: LogFixtures.day("2024-05-01"), end: LogFixtures.day("2024-05-06")))
        // One bridged day is not enough for a two-day gap.
        #expect(streaks(practice, bridges: days("2024-05-03"), today: "2024-05-06").current?.days == 2)
    }

    @Test func weeklyRestDaysBridge() {
        // 2024-05-04 is a Saturday (7), 2024-05-05 a Sunday (1).
        let practice = days("2024-05-02", "2024-05-03", "2024-05-06")
        #expect(streaks(practice, weekdays: [7, 1], today: "2024-05-06").current?.days == 3)
        #expect(streaks(practice, weekdays: [1], today: "2024-05-06").current?.days == 1)
        // A rest weekday after the last session keeps the streak current.
        #expect(streaks(days("2024-05-03"), weekdays: [7], today: "2024-05-05").current?.days == 1)
    }

    @Test func futureSessionsAndEmptyLogs() {
        #expect(streaks([], today: "2024-05-01") == Streaks(current: nil, longest: nil))
        let result = streaks(days("2024-05-01", "2024-05-09"), today: "2024-05-02")
        #expect(result.current?.end == LogFixtures.day("2024-05-01"))
        #expect(result.longest?.days == 1)
    }

    @Test func theLogComputesStreaksFromSessionsSkipsAndRestDays() throws {
        let log = try SessionLog()
        for day in [1, 2, 3, 6, 7] { try LogFixtures.practise(log, on: LogFixtures.may(day)) }
        try log.log(
            NewSession(activity: .run, routine: "run", source: .manual, startedAt: LogFixtures.may(8)), timeZone: LogFixtures.utc)
        #expect(try log.streaks(today: LogFixtures.day("2024-05-08")).current?.days == 2, "a run is not mobility practice")
        #expect(try log.streaks(today: LogFixtures.day("2024-05-07")).longest?.days == 3)

        try log.mark(DayMark(day: LogFixtures.day("2024-05-04"), kind: .skip, reason: "sick"))
        #expect(try log.streaks(today: LogFixtures.day("2024-05-07")).current?.days == 2)
        try log.mark(DayMark(day: LogFixtures.day("2024-05-05"), kind: .rest))
        let bridged = try log.streaks(today: LogFixtures.day("2024-05-07"))
        #expect(bridged.current == Streak(days: 5, start: LogFixtures.day("2024-05-01"), end: LogFixtures.day("2024-05-07")))
        #expect(bridged.longest == bridged.current)

        try log.unmark(LogFixtures.day("2024-05-05"))
        try log.setRestWeekdays([1]) // Sunday 2024-05-05
        #expect(try log.streaks(today: LogFixtures.day("2024-05-07")).current?.days == 5)
        #expect(try log.restWeekdays() == [1])
        #expect(throws: LogError.self) { try log.setRestWeekdays(Set(1...7)) }
    }
}
