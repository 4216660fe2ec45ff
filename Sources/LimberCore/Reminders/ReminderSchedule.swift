import Foundation

/// When a reminder comes round: a set of days and the local times on each of them.
///
/// Schedules are written as short text (case does not matter; spaces after commas are fine):
///
/// ```
/// daily 18:00                 every day at 18:00
/// weekdays 07:30              Monday to Friday
/// weekends 09:00              Saturday and Sunday
/// mon,wed,fri 18:30           listed days (mon tue wed thu fri sat sun, full names, ranges mon-fri)
/// daily 08:00,18:00           several times a day ('at' may come before the times)
/// every 2 days                every other day at 00:00, counted from 1970-01-01
/// every 2 days at 18:00       every other day at 18:00
/// every 3 days at 18:00 from 2025-06-01
///                             every third day from that date on (nothing before it)
/// every 30 minutes            on the clock: 00:00, 00:30, 01:00, ... local time
/// every 2 hours, hourly       likewise: 00:00, 02:00, ... and 00:00, 01:00, ...
/// ```
///
/// Minute and hour intervals count from local midnight each day, so an interval that does not
/// divide a day restarts at midnight. Times are wall-clock times in the time zone the schedule
/// is evaluated in, intervals included (`every 45 minutes` is 00:00, 00:45, ... on the clock,
/// not every 45 minutes of elapsed time). Each scheduled time happens once, at the first
/// instant the clock reads it or later (`WallClock.instant`): a time the clocks skip happens
/// at the first instant after the jump, a time that happens twice happens the first time.
package struct ReminderSchedule: Sendable, Equatable, CustomStringConvertible {
    /// Which days the times apply on.
    enum Days: Sendable, Equatable {
        /// The listed ISO weekdays (1 Monday ... 7 Sunday).
        case weekdays(Set<Int>)
        /// Every `interval` days counted from `anchor`; nothing before `anchor` if `starts`.
        case cycle(interval: Int, anchor: LocalDay, starts: Bool)
    }

    let days: Days
    /// Minutes after local midnight, ascending, without repeats.
    let times: [Int]
    /// The schedule in its canonical spelling.
    package let description: String

    init(days: Days, times: [Int], description: String) {
        self.days = days
        self.times = Array(Set(times)).sorted()
        self.description = description
    }

    /// Parses schedule text; a schedule that does not follow the grammar is an error saying what
    /// was expected.
    package init(parsing text: String) throws(ReminderError) {
        var parser = ScheduleParser(text: text)
        self = try parser.parse()
    }

    /// Whether the schedule has times on a local day.
    func includes(_ day: LocalDay) -> Bool {
        switch days {
        case .weekdays(let set):
            return set.contains(day.isoWeekday)
        case .cycle(let interval, let anchor, let starts):
            if starts && day < anchor { return false }
            return LocalDay.floorMod(day.number - anchor.number, interval) == 0
        }
    }

    /// How many days back a search must look to be sure to meet an included day.
    var searchSpan: Int {
        switch days {
        case .weekdays: 9
        case .cycle(let interval, _, _): interval + 2
        }
    }

    /// The instant of a time (minutes after midnight) on a local day.
    func instant(_ minutes: Int, on day: LocalDay, in timeZone: TimeZone) -> Date {
        WallClock.instant(day.number * 86_400 + minutes * 60, in: timeZone)
    }
}

extension ReminderSchedule {
    // Every scheduled time is a wall-clock reading (a day and a time on it), and its instant is
    // the first moment the clock reads it or later (`WallClock.instant`). That instant never
    // goes down as the reading goes up, so the schedule's instants, taken in the order of their
    // readings, never go back: the first reading whose instant is after `now` gives the next
    // occurrence, the last whose instant is at or before `now` the current one, and readings the
    // clocks skip fall onto the first instant after the jump, once.

    /// The most recent scheduled instant at or before `now`, in `timeZone`; nil if there is none
    /// (a cycle that starts later).
    package func occurrence(atOrBefore now: Date, in timeZone: TimeZone) -> Date? {
        // A reading whose instant is at or before `now` is at most the highest reading the clock
        // has shown by then, which can be ahead of the current one after the clocks went back
        // (by a day at most, as Alaska in 1867): start the search two days ahead.
        var day = LocalDay(now, in: timeZone).adding(days: 2)
        for _ in 0...(searchSpan + 2) {
            if case .cycle(_, let anchor, true) = days, day < anchor { return nil }
            if includes(day), let found = lastTime(on: day, atOrBefore: now, in: timeZone) { return found }
            day.number -= 1
        }
        return nil
    }

    /// The first scheduled instant strictly after `now`, in `timeZone`.
    package func occurrence(after now: Date, in timeZone: TimeZone) -> Date? {
        // A reading whose instant is after `now` is after the clock's reading at `now`, so it is
        // on today or later.
        var day = LocalDay(now, in: timeZone)
        if case .cycle(_, let anchor, true) = days, day < anchor { day = anchor }
        for _ in 0...(searchSpan + 2) {
            if includes(day), let found = firstTime(on: day, after: now, in: timeZone) { return found }
            day.number += 1
        }
        return nil
    }

    /// The latest time on `day` at or before `now`; instants rise with the times, so this bisects.
    private func lastTime(on day: LocalDay, atOrBefore now: Date, in timeZone: TimeZone) -> Date? {
        var low = 0, high = times.count - 1
        var best: Date?
        while low <= high {
            let middle = (low + high) / 2
            let instant = instant(times[middle], on: day, in: timeZone)
            if instant <= now {
                best = instant
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }

    /// The earliest time on `day` strictly after `now`.
    private func firstTime(on day: LocalDay, after now: Date, in timeZone: TimeZone) -> Date? {
        var low = 0, high = times.count - 1
        var best: Date?
        while low <= high {
            let middle = (low + high) / 2
            let instant = instant(times[middle], on: day, in: timeZone)
            if instant > now {
                best = instant
                high = middle - 1
            } else {
                low = middle + 1
            }
        }
        return best
    }
}
