import Foundation
import LimberCore
import Testing

/// An instant from ISO 8601 text with its offset: `2025-03-09T18:00:00-04:00`.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else {
        Issue.record("bad date in test: \(text)")
        return Date(timeIntervalSince1970: 0)
    }
    return date
}

let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

@Suite("reminder schedules: grammar")
struct ReminderScheduleGrammarTests {
    @Test(arguments: [
        ("daily 18:00", "daily 18:00"),
        ("Daily at 6:05", "daily 06:05"),
        ("weekdays 07:30", "weekdays 07:30"),
        ("weekends 09:00", "weekends 09:00"),
        ("mon,wed,fri 18:30", "mon,wed,fri 18:30"),
        ("Fri, Mon, wed 18:30", "mon,wed,fri 18:30"),
        ("sat-mon 10:00", "mon,sat,sun 10:00"),
        ("tuesday,thursday at 19:00", "tue,thu 19:00"),
        ("daily 18:00, 08:00", "daily 08:00,18:00"),
        ("every 2 days", "every 2 days"),
        ("every 2 days at 18:00", "every 2 days at 18:00"),
        ("every 3 days at 18:00 from 2025-06-01", "every 3 days at 18:00 from 2025-06-01"),
        ("every day at 07:00", "daily 07:00"),
        ("every 30 minutes", "every 30 minutes"),
        ("every 90 mins", "every 90 minutes"),
        ("every 2 hours", "every 2 hours"),
        ("hourly", "hourly"),
        ("every hour", "hourly"),
    ])
    func parsesToItsCanonicalSpelling(text: String, canonical: String) throws {
        #expect(try ReminderSchedule(parsing: text).description == canonical)
    }

    @Test(arguments: [
        ("", "the schedule is empty"),
        ("daily", "expected a time such as 18:00 after 'daily'"),
        ("daily 25:00", "'25:00' is not a time of day (HH:MM, 00:00 to 23:59)"),
        ("daily 18:00 please", "unexpected 'please' at the end"),
        ("mon,funday 18:00", "'funday' is not a day (mon tue wed thu fri sat sun, or a range such as mon-fri)"),
        ("tomorrow 18:00", "'tomorrow' is not a day; start with daily, weekdays, weekends"),
        ("every", "expected what follows 'every'"),
        ("every 2", "expected a unit after 'every 2': minutes, hours or days"),
        ("every 0 days", "the interval must be at least 1, not 0"),
        ("every 2 weeks", "unknown unit 'weeks' after 'every': use minutes, hours or days"),
        ("every 2 days 18:00", "write 'at' before the time: 'every 2 days at 18:00'"),
        ("every 2 days from 2025-02-30", "'2025-02-30' is not a date (YYYY-MM-DD)"),
        ("every 1440 minutes", "1440 minutes is a day or more"),
        ("every 24 hours", "24 hours is a day or more"),
    ])
    func refusesBadTextWithAReason(text: String, reason: String) {
        #expect {
            try ReminderSchedule(parsing: text)
        } throws: { error in
            let message = (error as? ReminderError)?.description ?? ""
            return message.hasPrefix("bad schedule '\(text)': ") && message.contains(reason)
        }
    }

    @Test func weekdayListsLandOnTheirDays() throws {
        // 2025-06-04 is a Wednesday.
        let now = instant("2025-06-04T12:00:00-04:00")
        let weekdays = try ReminderSchedule(parsing: "weekdays 07:30")
        #expect(weekdays.occurrence(atOrBefore: now, in: newYork) == instant("2025-06-04T07:30:00-04:00"))
        let weekends = try ReminderSchedule(parsing: "weekends 09:00")
        #expect(weekends.occurrence(atOrBefore: now, in: newYork) == instant("2025-06-01T09:00:00-04:00"))
        #expect(weekends.occurrence(after: now, in: newYork) == instant("2025-06-07T09:00:00-04:00"))
        let listed = try ReminderSchedule(parsing: "mon,wed,fri 18:30")
        #expect(listed.occurrence(atOrBefore: now, in: newYork) == instant("2025-06-02T18:30:00-04:00"))
        #expect(listed.occurrence(after: now, in: newYork) == instant("2025-06-04T18:30:00-04:00"))
    }

    @Test func everyFewDaysAlternatesAndStartsOnItsDate() throws {
        let schedule = try ReminderSchedule(parsing: "every 2 days at 18:00 from 2025-06-02")
        #expect(schedule.occurrence(atOrBefore: instant("2025-06-01T20:00:00-04:00"), in: newYork) == nil)
        #expect(
            schedule.occurrence(after: instant("2025-05-01T20:00:00-04:00"), in: newYork)
                == instant("2025-06-02T18:00:00-04:00"))
        #expect(
            schedule.occurrence(atOrBefore: instant("2025-06-03T20:00:00-04:00"), in: newYork)
                == instant("2025-06-02T18:00:00-04:00"))
        #expect(
            schedule.occurrence(atOrBefore: instant("2025-06-04T18:00:00-04:00"), in: newYork)
                == instant("2025-06-04T18:00:00-04:00"))
        #expect(
            schedule.occurrence(after: instant("2025-06-04T18:00:00-04:00"), in: newYork)
                == instant("2025-06-06T18:00:00-04:00"))
    }

    @Test func theSameScheduleMeansLocalTimeInEachZone() throws {
        let schedule = try ReminderSchedule(parsing: "daily 18:00")
        let now = instant("2025-07-01T21:00:00Z")
        #expect(schedule.occurrence(atOrBefore: now, in: newYork) == instant("2025-06-30T18:00:00-04:00"))
        #expect(schedule.occurrence(atOrBefore: now, in: berlin) == instant("2025-07-01T18:00:00+02:00"))
    }
}

/// Runs a reminder the way cron would, every `step` seconds from `start` to `end`, and returns
/// the scheduled times it delivered with when each was delivered.
func simulateCron(
    _ reminder: Reminder, from start: Date, to end: Date, every step: TimeInterval = 1800, in timeZone: TimeZone,
    state: inout ReminderState
) -> [(occurrence: Date, firedAt: Date)] {
    var fired: [(Date, Date)] = []
    var now = start
    while now <= end {
        if case .pending(let period) = reminder.standing(at: now, in: timeZone, lastFired: state.entries[reminder.id]) {
            state.record(reminder.id, occurrence: period.occurrence, firedAt: now)
            fired.append((period.occurrence, now))
        }
        now += step
    }
    return fired
}

@Suite("reminder schedules: the nights the clocks change")
struct ReminderScheduleDSTTests {
    func reminder(_ schedule: String) throws -> Reminder {
        Reminder(id: "r", schedule: try ReminderSchedule(parsing: schedule))
    }

    /// State as if the reminder had delivered the period open at `start`, so a run only reports new periods.
    func stateCaughtUp(_ reminder: Reminder, at start: Date, in timeZone: TimeZone) -> ReminderState {
        var state = ReminderState()
        if let occurrence = reminder.schedule.occurrence(atOrBefore: start, in: timeZone) {
            state.record(reminder.id, occurrence: occurrence, firedAt: start)
        }
        return state
    }

    @Test(arguments: [
        // New York springs forward on 2025-03-09 and falls back on 2025-11-02.
        (
            "America/New_York", "2025-03-08T00:00:00-05:00", "2025-03-10T23:30:00-04:00",
            ["2025-03-08T18:00:00-05:00", "2025-03-09T18:00:00-04:00", "2025-03-10T18:00:00-04:00"]
        ),
        (
            "America/New_York", "2025-11-01T00:00:00-04:00", "2025-11-03T23:30:00-05:00",
            ["2025-11-01T18:00:00-04:00", "2025-11-02T18:00:00-05:00", "2025-11-03T18:00:00-05:00"]
        ),
        // Berlin springs forward on 2025-03-30 and falls back on 2025-10-26.
        (
            "Europe/Berlin", "2025-03-29T00:00:00+01:00", "2025-03-31T23:30:00+02:00",
            ["2025-03-29T18:00:00+01:00", "2025-03-30T18:00:00+02:00", "2025-03-31T18:00:00+02:00"]
        ),
        (
            "Europe/Berlin", "2025-10-25T00:00:00+02:00", "2025-10-27T23:30:00+01:00",
            ["2025-10-25T18:00:00+02:00", "2025-10-26T18:00:00+01:00", "2025-10-27T18:00:00+01:00"]
        ),
    ])
    func dailyFiresOnceADayAtLocalTimeAcrossTheChange(zone: String, start: String, end: String, expected: [String]) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let daily = try reminder("daily 18:00")
        var state = stateCaughtUp(daily, at: instant(start), in: timeZone)
        let fired = simulateCron(daily, from: instant(start), to: instant(end), in: timeZone, state: &state)
        #expect(fired.map(\.occurrence) == expected.map(instant))
        #expect(fired.map(\.firedAt) == expected.map(instant), "cron every 30 minutes delivers on the dot")
    }

    @Test func aTimeTheClocksSkipFiresOnceJustAfterTheJump() throws {
        // 02:30 does not exist in New York on 2025-03-09: clocks go from 02:00 EST to 03:00 EDT.
        let early = try reminder("daily 02:30")
        let start = instant("2025-03-08T12:00:00-05:00")
        var state = stateCaughtUp(early, at: start, in: newYork)
        let fired = simulateCron(
            early, from: start, to: instant("2025-03-10T12:00:00-04:00"), every: 600, in: newYork, state: &state)
        #expect(fired.map(\.occurrence) == [instant("2025-03-09T03:00:00-04:00"), instant("2025-03-10T02:30:00-04:00")])
        // Berlin on 2025-03-30: 02:00 CET jumps to 03:00 CEST.
        var berlinState = stateCaughtUp(early, at: instant("2025-03-29T12:00:00+01:00"), in: berlin)
        let inBerlin = simulateCron(
            early, from: instant("2025-03-29T12:00:00+01:00"), to: instant("2025-03-30T12:00:00+02:00"), every: 600,
            in: berlin, state: &berlinState)
        #expect(inBerlin.map(\.occurrence) == [instant("2025-03-30T03:00:00+02:00")])
    }

    @Test func aTimeThatHappensTwiceFiresOnlyTheFirstTime() throws {
        // 01:30 happens twice in New York on 2025-11-02 (EDT, then EST an hour later).
        let early = try reminder("daily 01:30")
        let start = instant("2025-11-01T12:00:00-04:00")
        var state = stateCaughtUp(early, at: start, in: newYork)
        let fired = simulateCron(
            early, from: start, to: instant("2025-11-02T12:00:00-05:00"), every: 600, in: newYork, state: &state)
        #expect(fired.map(\.occurrence) == [instant("2025-11-02T01:30:00-04:00")])
        // 02:30 happens twice in Berlin on 2025-10-26 (CEST, then CET).
        let berlinEarly = try reminder("daily 02:30")
        let berlinStart = instant("2025-10-25T12:00:00+02:00")
        var berlinState = stateCaughtUp(berlinEarly, at: berlinStart, in: berlin)
        let inBerlin = simulateCron(
            berlinEarly, from: berlinStart, to: instant("2025-10-26T12:00:00+01:00"), every: 600, in: berlin,
            state: &berlinState)
        #expect(inBerlin.map(\.occurrence) == [instant("2025-10-26T02:30:00+02:00")])
    }

    @Test func clocksThatChangeAtMidnightStillGiveOneTimeADay() throws {
        // São Paulo sprang forward at midnight on 2018-11-04 (00:00 became 01:00) and fell back
        // at midnight on 2019-02-17 (00:00 became 23:00 of the 16th again).
        let saoPaulo = try #require(TimeZone(identifier: "America/Sao_Paulo"))
        let midnight = try reminder("daily 00:00")
        var state = stateCaughtUp(midnight, at: instant("2018-11-02T12:00:00-03:00"), in: saoPaulo)
        let spring = simulateCron(
            midnight, from: instant("2018-11-02T12:00:00-03:00"), to: instant("2018-11-05T12:00:00-02:00"), every: 600,
            in: saoPaulo, state: &state)
        #expect(
            spring.map(\.occurrence) == [
                instant("2018-11-03T00:00:00-03:00"), instant("2018-11-04T01:00:00-02:00"), instant("2018-11-05T00:00:00-02:00"),
            ])
        let late = try reminder("daily 23:30")
        var lateState = stateCaughtUp(late, at: instant("2019-02-15T12:00:00-02:00"), in: saoPaulo)
        let autumn = simulateCron(
            late, from: instant("2019-02-15T12:00:00-02:00"), to: instant("2019-02-18T12:00:00-03:00"), every: 600,
            in: saoPaulo, state: &lateState)
        #expect(
            autumn.map(\.occurrence) == [
                instant("2019-02-15T23:30:00-02:00"), instant("2019-02-16T23:30:00-02:00"), instant("2019-02-17T23:30:00-03:00"),
            ])
    }

    @Test func halfHourlyFollowsTheWallClockThroughShortAndLongDays() throws {
        let halfHourly = try reminder("every 30 minutes")
        func fires(from start: String, to end: String) -> [Date] {
            var state = stateCaughtUp(halfHourly, at: instant(start), in: newYork)
            return simulateCron(halfHourly, from: instant(start), to: instant(end), every: 300, in: newYork, state: &state)
                .map(\.occurrence)
        }
        // The 23-hour day: 02:00 and 02:30 both become 03:00, which is a time anyway.
        let short = fires(from: "2025-03-09T00:00:00-05:00", to: "2025-03-09T23:59:00-04:00")
        #expect(short.count == 45, "00:30 to 23:30 less the skipped hour")
        #expect(short.contains(instant("2025-03-09T01:30:00-05:00")))
        #expect(short.contains(instant("2025-03-09T03:00:00-04:00")))
        #expect(Set(short).count == short.count, "02:00, 02:30 and 03:00 are one time, 03:00 EDT, and fire once")
        // The 25-hour day: each wall time once; the repeated hour does not fire twice.
        let long = fires(from: "2025-11-02T00:00:00-04:00", to: "2025-11-02T23:59:00-05:00")
        #expect(long.count == 47)
        #expect(long.contains(instant("2025-11-02T01:30:00-04:00")))
        #expect(!long.contains(instant("2025-11-02T01:30:00-05:00")))
        #expect(long.contains(instant("2025-11-02T02:00:00-05:00")))
    }
}

@Suite("reminder periods: delivered once, caught up, missed")
struct ReminderStandingTests {
    @Test func aDeliveredPeriodIsNotDeliveredAgainUntilTheNextTime() throws {
        let reminder = Reminder(id: "cooldown", schedule: try ReminderSchedule(parsing: "daily 18:00"))
        let evening = instant("2025-06-04T18:05:00-04:00")
        guard case .pending(let period) = reminder.standing(at: evening, in: newYork, lastFired: nil) else {
            Issue.record("a new reminder past its time is pending")
            return
        }
        #expect(period.occurrence == instant("2025-06-04T18:00:00-04:00"))
        #expect(period.next == instant("2025-06-05T18:00:00-04:00"))
        #expect(period.dayStart == instant("2025-06-04T00:00:00-04:00"))
        var state = ReminderState()
        state.record("cooldown", occurrence: period.occurrence, firedAt: evening)
        let later = instant("2025-06-05T17:59:00-04:00")
        #expect(
            reminder.standing(at: later, in: newYork, lastFired: state.entries["cooldown"])
                == .alreadyFired(
                    ReminderPeriod(
                        occurrence: period.occurrence, next: period.next, dayStart: instant("2025-06-05T00:00:00-04:00"),
                        occurrenceDayStart: instant("2025-06-04T00:00:00-04:00"))))
        let nextEvening = instant("2025-06-05T18:00:00-04:00")
        guard
            case .pending(let nextPeriod) = reminder.standing(at: nextEvening, in: newYork, lastFired: state.entries["cooldown"])
        else {
            Issue.record("the next day's time opens a new period")
            return
        }
        #expect(nextPeriod.occurrence == nextEvening)
    }

    @Test func aWindowLetsAMissedTimeGo() throws {
        let reminder = Reminder(id: "r", schedule: try ReminderSchedule(parsing: "daily 18:00"), window: 3600)
        if case .missed = reminder.standing(at: instant("2025-06-04T19:30:00-04:00"), in: newYork, lastFired: nil) {
        } else {
            Issue.record("past its window the reminder is missed")
        }
        if case .pending = reminder.standing(at: instant("2025-06-04T18:59:00-04:00"), in: newYork, lastFired: nil) {
        } else {
            Issue.record("inside its window the reminder is pending")
        }
        let unbounded = Reminder(id: "r", schedule: reminder.schedule)
        if case .pending = unbounded.standing(at: instant("2025-06-05T10:00:00-04:00"), in: newYork, lastFired: nil) {
        } else {
            Issue.record("without a window a missed time is caught up")
        }
    }

    @Test func aCycleThatHasNotStartedIsNotStarted() throws {
        let reminder = Reminder(id: "r", schedule: try ReminderSchedule(parsing: "every 2 days at 18:00 from 2030-01-01"))
        #expect(reminder.standing(at: instant("2025-06-04T19:30:00-04:00"), in: newYork, lastFired: nil) == .notStarted)
    }
}
