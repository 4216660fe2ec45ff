import Foundation

/// Reminders' schedules as an iCalendar (RFC 5545) calendar, for khal, calcurse or a phone.
///
/// Each reminder is one event with a stable UID (`ID@limber`), so a calendar made again replaces
/// its events rather than adding copies:
/// - a regular schedule (listed weekdays or every N days, at times that are every hour of a set
///   of hours at the same minutes: `18:30`, `08:00,18:00`, `every 30 minutes`) recurs with an
///   RRULE and no end;
/// - any other (`every 45 minutes`, `07:15,18:40`) is its occurrences within the range as one
///   event with RDATEs.
///
/// Times are local wall times with a TZID and a VTIMEZONE listing every offset change from a year
/// before the range to three years past it (or its end, when later), so a recurring 18:00 stays
/// 18:00 across the clock changes; in UTC they are written with `Z` and need no VTIMEZONE.
///
/// A calendar shows what `limber remind` does at the clock changes: a time the clocks skip
/// (which RFC 5545 drops from a rule) is added with an RDATE at the first instant after the jump
/// (`ICalendarGaps`), and a time that happens twice is the first, as RFC 5545 reads it too.
package enum ICalendar {
    /// One reminder, as the calendar shows it.
    package struct Entry: Sendable, Equatable {
        package var id: String
        package var schedule: ReminderSchedule
        /// The event's title.
        package var summary: String
        /// The reminder's message, when it is fixed text.
        package var message: String?
        /// The routine to start.
        package var routine: String?
        /// The event's length.
        package var minutes: Int

        package init(
            id: String, schedule: ReminderSchedule, summary: String, message: String? = nil, routine: String? = nil,
            minutes: Int = 10
        ) {
            self.id = id
            self.schedule = schedule
            self.summary = summary
            self.message = message
            self.routine = routine
            self.minutes = minutes
        }
    }

    /// Single events are cut off past this many in one reminder.
    package static let maximumOccurrences = 5_000

    /// The calendar text (CRLF lines, folded) for `entries` from `start` for `days` days;
    /// `stamp` is the DTSTAMP. Entries with nothing to show in the range are left out.
    package static func calendar(_ entries: [Entry], timeZone: TimeZone, from start: Date, days: Int, stamp: Date) -> String {
        let end = start.addingTimeInterval(Double(days) * 86_400)
        let utc = isUTC(timeZone, from: start, to: end)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//limber//limber \(LimberVersion.string)//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:limber",
        ]
        var events: [String] = []
        for entry in entries { events += event(entry, timeZone: timeZone, utc: utc, from: start, to: end, stamp: stamp) }
        if !utc {
            let zoneEnd = max(end, start.addingTimeInterval(3 * 366 * 86_400))
            lines += ICalendarZone.lines(for: timeZone, from: start.addingTimeInterval(-366 * 86_400), to: zoneEnd)
        }
        lines += events
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }

    /// Whether the calendar contains any event for `entry` in the range.
    package static func hasEvents(_ entry: Entry, timeZone: TimeZone, from start: Date, days: Int) -> Bool {
        let end = start.addingTimeInterval(Double(days) * 86_400)
        return entry.schedule.occurrence(after: start.addingTimeInterval(-1), in: timeZone).map { $0 < end } ?? false
    }

    /// The VEVENT lines of one reminder.
    static func event(_ entry: Entry, timeZone: TimeZone, utc: Bool, from start: Date, to end: Date, stamp: Date) -> [String] {
        guard let first = entry.schedule.occurrence(after: start.addingTimeInterval(-1), in: timeZone), first < end else {
            return []
        }
        func time(_ date: Date) -> String {
            utc
                ? floating(Int(date.timeIntervalSince1970.rounded(.down))) + "Z"
                : floating(WallClock.seconds(of: date, in: timeZone))
        }
        let zone = utc ? "" : ";TZID=\(timeZone.identifier)"
        let rule = recurrence(entry.schedule)
        // A rule recurs from its DTSTART's wall time, so that must be one of the schedule's own
        // times, not one the clocks skipped and that moved to the end of the jump.
        let ruleStart = rule == nil ? nil : firstOwnTime(entry.schedule, from: first, in: timeZone)
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(entry.id)@limber",
            "DTSTAMP:" + floating(Int(stamp.timeIntervalSince1970.rounded(.down))) + "Z",
            "DTSTART\(zone):" + time(ruleStart ?? first),
            "DURATION:PT\(max(1, entry.minutes))M",
            "SUMMARY:" + ICalendarText.escape(entry.summary),
        ]
        if let rule, let ruleStart {
            lines.append("RRULE:" + rule)
            if !utc {
                let zoneEnd = max(end, start.addingTimeInterval(3 * 366 * 86_400))
                let fixes = ICalendarGaps(
                    schedule: entry.schedule, timeZone: timeZone, from: start, to: zoneEnd, ruleStart: ruleStart)
                if !fixes.added.isEmpty { lines.append("RDATE\(zone):" + fixes.added.map(floating).joined(separator: ",")) }
                if !fixes.removed.isEmpty { lines.append("EXDATE\(zone):" + fixes.removed.map(floating).joined(separator: ",")) }
            }
        } else {
            var dates: [String] = []
            var cursor = first
            while dates.count < maximumOccurrences, let next = entry.schedule.occurrence(after: cursor, in: timeZone), next < end
            {
                dates.append(time(next))
                cursor = next
            }
            if !dates.isEmpty { lines.append("RDATE\(zone):" + dates.joined(separator: ",")) }
        }
        var description: [String] = []
        if let message = entry.message { description.append(message) }
        if let routine = entry.routine {
            description.append("Start: limber start \(routine)")
            lines.append("X-LIMBER-ROUTINE:" + ICalendarText.escape(routine))
        }
        description.append("Schedule: \(entry.schedule.description)")
        lines.append("DESCRIPTION:" + ICalendarText.escape(description.joined(separator: "\n")))
        lines.append("END:VEVENT")
        return lines
    }

    /// The first occurrence from `first` on that is one of the schedule's own wall times; nil if
    /// none comes soon (the event then lists its times instead of recurring).
    static func firstOwnTime(_ schedule: ReminderSchedule, from first: Date, in timeZone: TimeZone) -> Date? {
        var cursor = first
        for _ in 0..<1_000 {
            if ICalendarGaps.isOwnTime(WallClock.seconds(of: cursor, in: timeZone), of: schedule) { return cursor }
            guard let next = schedule.occurrence(after: cursor, in: timeZone) else { return nil }
            cursor = next
        }
        return nil
    }

    /// The RRULE of a regular schedule, or nil.
    static func recurrence(_ schedule: ReminderSchedule) -> String? {
        let times = schedule.times
        let hours = Array(Set(times.map { $0 / 60 })).sorted(), minutes = Array(Set(times.map { $0 % 60 })).sorted()
        guard !times.isEmpty, hours.count * minutes.count == times.count else { return nil }
        var rule: String
        switch schedule.days {
        case .weekdays(let set) where set.count == 7:
            rule = "FREQ=DAILY"
        case .weekdays(let set):
            let names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            rule = "FREQ=WEEKLY;BYDAY=" + set.sorted().map { names[$0 - 1] }.joined(separator: ",")
        case .cycle(let interval, _, _):
            rule = "FREQ=DAILY" + (interval > 1 ? ";INTERVAL=\(interval)" : "")
        }
        if times.count > 1 {
            rule += ";BYHOUR=" + hours.map(String.init).joined(separator: ",")
            rule += ";BYMINUTE=" + minutes.map(String.init).joined(separator: ",")
        }
        return rule
    }

    /// `yyyyMMddTHHmmss` for seconds since a (local or UTC) 1970-01-01T00:00.
    static func floating(_ seconds: Int) -> String {
        let day = LocalDay(number: Int((Double(seconds) / 86_400).rounded(.down)))
        let (year, month, date) = day.components
        let rest = seconds - day.number * 86_400
        return String(format: "%04d%02d%02dT%02d%02d%02d", year, month, date, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// A zone that is UTC all through the range (and a year either side).
    static func isUTC(_ timeZone: TimeZone, from start: Date, to end: Date) -> Bool {
        timeZone.secondsFromGMT(for: start) == 0 && timeZone.secondsFromGMT(for: end) == 0
            && timeZone.nextDaylightSavingTimeTransition(after: start.addingTimeInterval(-366 * 86_400)).map {
                $0 > end.addingTimeInterval(366 * 86_400)
            } ?? true
    }
}
