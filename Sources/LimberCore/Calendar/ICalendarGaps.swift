import Foundation

/// What a recurring event needs besides its RRULE so that a calendar shows the times the clocks
/// skip where `limber remind` fires them.
///
/// RFC 5545 (3.3.10) drops a recurrence whose local time does not exist; limber fires it at the
/// first instant after the jump. So each skipped time whose instant is not a time of the rule
/// anyway is added (RDATE, a local time that exists), and the skipped reading itself is excluded
/// (EXDATE) for calendars that do not drop it but read it with the offset before the jump, unless
/// that reading would name one of the rule's real times.
struct ICalendarGaps {
    /// Wall times (seconds since the local epoch) to add.
    private(set) var added: [Int] = []
    /// Wall times to exclude.
    private(set) var removed: [Int] = []

    /// The corrections for the jumps forward from `start` to `end`, for a rule from `ruleStart`.
    init(schedule: ReminderSchedule, timeZone: TimeZone, from start: Date, to end: Date, ruleStart: Date) {
        let firstReading = WallClock.seconds(of: ruleStart, in: timeZone)
        var cursor = start
        while let change = timeZone.nextDaylightSavingTimeTransition(after: cursor), change <= end {
            cursor = change
            let before = timeZone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: change)
            guard after > before else { continue }
            // The readings the clock jumps over.
            let at = Int(change.timeIntervalSince1970.rounded(.up))
            let low = at + before, high = at + after
            for day in LocalDay.floorDiv(low, 86_400)...LocalDay.floorDiv(high - 1, 86_400)
            where schedule.includes(LocalDay(number: day)) {
                for minutes in schedule.times {
                    let reading = day * 86_400 + minutes * 60
                    guard reading >= low, reading < high else { continue }
                    let moved = WallClock.seconds(of: WallClock.instant(reading, in: timeZone), in: timeZone)
                    if !Self.isOwnTime(moved, of: schedule), !added.contains(moved) { added.append(moved) }
                    if reading > firstReading, !Self.isOwnTime(reading + after - before, of: schedule) { removed.append(reading) }
                }
            }
        }
    }

    /// Whether a wall reading is one of the schedule's times on one of its days.
    static func isOwnTime(_ reading: Int, of schedule: ReminderSchedule) -> Bool {
        let day = LocalDay.floorDiv(reading, 86_400)
        let rest = reading - day * 86_400
        return rest % 60 == 0 && schedule.times.contains(rest / 60) && schedule.includes(LocalDay(number: day))
    }
}
