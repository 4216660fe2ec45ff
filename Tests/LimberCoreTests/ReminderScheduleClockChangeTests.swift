import Foundation
import LimberCore
import Testing

/// The rule for each kind of clock change, case by case (docs/reminders.md, "The nights the
/// clocks change"): a scheduled time happens at the first instant the clock reads it or a later
/// time, once.
@Suite("reminder schedules: the rule at each kind of clock change")
struct ReminderScheduleClockChangeTests {
    /// The occurrences from `start` (inclusive) to `end` (exclusive), stepping with `occurrence(after:)`.
    func occurrences(_ text: String, in zone: String, from start: String, to end: String) throws -> [Date] {
        let schedule = try ReminderSchedule(parsing: text)
        let timeZone = try #require(TimeZone(identifier: zone))
        var found: [Date] = []
        var cursor = instant(start).addingTimeInterval(-1)
        while found.count < 10_000, let next = schedule.occurrence(after: cursor, in: timeZone), next < instant(end) {
            found.append(next)
            cursor = next
        }
        return found
    }

    @Test func every45MinutesReaches03_00AfterTheSpringGapInBerlin() throws {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST. 02:15 never happens; the clock first reads
        // 02:15 or later at 03:00, which is a time of the schedule anyway: one occurrence.
        let times = try occurrences(
            "every 45 minutes", in: "Europe/Berlin", from: "2026-03-29T01:00:00+01:00", to: "2026-03-29T05:00:00+02:00")
        #expect(
            times == [
                instant("2026-03-29T01:30:00+01:00"), instant("2026-03-29T03:00:00+02:00"), instant("2026-03-29T03:45:00+02:00"),
                instant("2026-03-29T04:30:00+02:00"),
            ])
    }

    @Test(arguments: [
        ("Europe/Berlin", "daily 02:30", "2026-03-29T00:00:00+01:00", "2026-03-29T03:00:00+02:00"),
        ("America/New_York", "daily 02:30", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("America/New_York", "daily 02:00", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        // Lord Howe moves its clocks by half an hour: 02:00 becomes 02:30.
        ("Australia/Lord_Howe", "daily 02:15", "2025-10-05T00:00:00+10:30", "2025-10-05T02:30:00+11:00"),
        // Troll in Antarctica jumps two hours: 01:00 becomes 03:00.
        ("Antarctica/Troll", "daily 02:59", "2026-03-29T00:00:00+00:00", "2026-03-29T03:00:00+02:00"),
        // São Paulo sprang forward at midnight: 00:00 became 01:00.
        ("America/Sao_Paulo", "daily 00:00", "2018-11-04T00:00:00-03:00", "2018-11-04T01:00:00-02:00"),
    ])
    func aSkippedTimeHappensOnceAtTheFirstInstantAfterTheJump(zone: String, text: String, day: String, expected: String) throws {
        // Twenty-three hours from the start of a day that is 23 hours long or shorter.
        let times = try occurrences(text, in: zone, from: day, to: instant(day).addingTimeInterval(23 * 3_600).iso)
        #expect(times == [instant(expected)])
    }

    @Test func skippedTimesBetweenTwoTimesComeTogetherOnce() throws {
        // 02:10, 02:20 and 02:50 are all skipped in New York on 2026-03-08; the clock first reads
        // each of them or later at 03:00 EDT. 03:10 is itself.
        let times = try occurrences(
            "daily 01:50,02:10,02:20,02:50,03:10", in: "America/New_York", from: "2026-03-08T00:00:00-05:00",
            to: "2026-03-08T12:00:00-04:00")
        #expect(
            times == [
                instant("2026-03-08T01:50:00-05:00"), instant("2026-03-08T03:00:00-04:00"), instant("2026-03-08T03:10:00-04:00"),
            ])
    }

    @Test(arguments: [
        ("Europe/Berlin", "daily 02:30", "2026-10-25T00:00:00+02:00", "2026-10-25T02:30:00+02:00"),
        ("America/New_York", "daily 01:30", "2026-11-01T00:00:00-04:00", "2026-11-01T01:30:00-04:00"),
        // Lord Howe: 02:00 becomes 01:30 again.
        ("Australia/Lord_Howe", "daily 01:45", "2026-04-05T00:00:00+11:00", "2026-04-05T01:45:00+11:00"),
        // Pyongyang went from +09:00 to +08:30 at midnight on 2015-08-15: 23:30 to 24:00 twice.
        ("Asia/Pyongyang", "daily 23:45", "2015-08-14T00:00:00+09:00", "2015-08-14T23:45:00+09:00"),
    ])
    func aTimeThatHappensTwiceHappensTheFirstTime(zone: String, text: String, day: String, expected: String) throws {
        // Twenty-six hours from the day's start cover the whole long day.
        let times = try occurrences(text, in: zone, from: day, to: instant(day).addingTimeInterval(26 * 3_600).iso)
        #expect(times.first == instant(expected))
        #expect(times.filter { $0 < instant(expected).addingTimeInterval(20 * 3_600) }.count == 1)
    }

    @Test func intervalsFollowTheWallClockThroughTheRepeatedHour() throws {
        // New York, 2026-11-01: 01:00 to 02:00 happens twice. `every 30 minutes` is 01:00 and
        // 01:30 once (EDT), then 02:00 EST: the repeated readings do not come again.
        let times = try occurrences(
            "every 30 minutes", in: "America/New_York", from: "2026-11-01T00:30:00-04:00", to: "2026-11-01T03:00:00-05:00")
        #expect(
            times == [
                instant("2026-11-01T00:30:00-04:00"), instant("2026-11-01T01:00:00-04:00"), instant("2026-11-01T01:30:00-04:00"),
                instant("2026-11-01T02:00:00-05:00"), instant("2026-11-01T02:30:00-05:00"),
            ])
        let long = try occurrences(
            "every 30 minutes", in: "America/New_York", from: "2026-11-01T00:00:00-04:00", to: "2026-11-02T00:00:00-05:00")
        #expect(long.count == 48, "each reading of the 25-hour day once")
        let short = try occurrences(
            "every 30 minutes", in: "America/New_York", from: "2026-03-08T00:00:00-05:00", to: "2026-03-09T00:00:00-04:00")
        #expect(short.count == 46, "02:00 and 02:30 are 03:00 on the 23-hour day")
    }

    @Test func theDayApiaSkippedComesAtTheFirstMomentOfTheNextDay() throws {
        // Samoa went from 2011-12-29 23:59:59 (-10:00) straight to 2011-12-31 00:00 (+14:00).
        let daily = try occurrences(
            "daily 18:00", in: "Pacific/Apia", from: "2011-12-29T00:00:00-10:00", to: "2012-01-01T00:00:00+14:00")
        #expect(
            daily == [
                instant("2011-12-29T18:00:00-10:00"), instant("2011-12-31T00:00:00+14:00"), instant("2011-12-31T18:00:00+14:00"),
            ])
        // Friday the 30th's reminder too; Saturday's own time is later that day.
        let weekdays = try occurrences(
            "weekdays 09:00", in: "Pacific/Apia", from: "2011-12-29T00:00:00-10:00", to: "2012-01-03T00:00:00+14:00")
        #expect(
            weekdays == [
                instant("2011-12-29T09:00:00-10:00"), instant("2011-12-31T00:00:00+14:00"), instant("2012-01-02T09:00:00+14:00"),
            ])
        // Hourly: every reading of the 30th lands on one instant, which is the 31st's 00:00 as well.
        let hourly = try occurrences(
            "hourly", in: "Pacific/Apia", from: "2011-12-29T22:00:00-10:00", to: "2011-12-31T02:00:00+14:00")
        #expect(
            hourly == [
                instant("2011-12-29T22:00:00-10:00"), instant("2011-12-29T23:00:00-10:00"), instant("2011-12-31T00:00:00+14:00"),
                instant("2011-12-31T01:00:00+14:00"),
            ])
    }

    @Test func cyclesCountDaysThroughLeapDaysMonthAndYearEnds() throws {
        // Kolkata has no clock changes; 2024 is a leap year.
        let leap = try occurrences(
            "every 2 days at 06:00 from 2024-02-27", in: "Asia/Kolkata", from: "2024-02-20T00:00:00+05:30",
            to: "2024-03-05T00:00:00+05:30")
        #expect(
            leap == ["2024-02-27", "2024-02-29", "2024-03-02", "2024-03-04"].map { instant("\($0)T06:00:00+05:30") })
        let yearEnd = try occurrences(
            "every 3 days at 23:59 from 2025-12-28", in: "Asia/Tokyo", from: "2025-12-27T00:00:00+09:00",
            to: "2026-01-06T00:00:00+09:00")
        #expect(yearEnd == ["2025-12-28", "2025-12-31", "2026-01-03"].map { instant("\($0)T23:59:00+09:00") })
        let monthEnds = try occurrences("sun 00:00", in: "UTC", from: "2024-02-25T00:00:00Z", to: "2024-03-11T00:00:00Z")
        #expect(monthEnds == ["2024-02-25", "2024-03-03", "2024-03-10"].map { instant("\($0)T00:00:00Z") })
        // A cycle from 1970-01-01 keeps its rhythm over a leap day: 2024-02-28 is day 19781.
        let alternate = try occurrences(
            "every 2 days at 12:00", in: "UTC", from: "2024-02-27T00:00:00Z", to: "2024-03-03T00:00:00Z")
        #expect(alternate == ["2024-02-27", "2024-02-29", "2024-03-02"].map { instant("\($0)T12:00:00Z") })
    }
}

extension Date {
    /// ISO 8601 in UTC, for building test instants.
    fileprivate var iso: String { ISO8601DateFormatter().string(from: self) }
}
