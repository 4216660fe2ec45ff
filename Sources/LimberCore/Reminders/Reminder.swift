import Foundation

/// A reminder as the core sees it: an id, a schedule, and how long after its time it may still
/// be delivered. What makes it due beyond the schedule (a Lua `due` function) lives with the host.
package struct Reminder: Sendable, Equatable {
    package let id: String
    package let schedule: ReminderSchedule
    /// Seconds after a scheduled time during which it may still be delivered; nil means until the
    /// next scheduled time (a missed reminder is caught up on the next run).
    package let window: TimeInterval?

    package init(id: String, schedule: ReminderSchedule, window: TimeInterval? = nil) {
        self.id = id
        self.schedule = schedule
        self.window = window
    }

    /// Where a reminder stands at an instant, before its `due` function is asked.
    package enum Standing: Sendable, Equatable {
        /// No scheduled time has come yet.
        case notStarted
        /// The current period's time has already been delivered.
        case alreadyFired(ReminderPeriod)
        /// The current period's time has passed out of the reminder's window.
        case missed(ReminderPeriod)
        /// The current period has not been delivered: ask `due`, then deliver.
        case pending(ReminderPeriod)
    }

    /// Where the reminder stands at `now` in `timeZone`, given the last occurrence delivered.
    ///
    /// Its period is the most recent scheduled time at or before `now`; it is pending until that
    /// time has been delivered once.
    package func standing(at now: Date, in timeZone: TimeZone, lastFired: ReminderState.Entry?) -> Standing {
        guard let occurrence = schedule.occurrence(atOrBefore: now, in: timeZone) else { return .notStarted }
        func midnight(_ date: Date) -> Date {
            WallClock.instant(LocalDay(date, in: timeZone).number * 86_400, in: timeZone)
        }
        let period = ReminderPeriod(
            occurrence: occurrence, next: schedule.occurrence(after: now, in: timeZone), dayStart: midnight(now),
            occurrenceDayStart: midnight(occurrence))
        if let lastFired, lastFired.occurrence >= occurrence { return .alreadyFired(period) }
        if let window, now.timeIntervalSince(occurrence) > window { return .missed(period) }
        return .pending(period)
    }
}

/// The stretch of time a reminder is in: from its most recent scheduled time to the next.
package struct ReminderPeriod: Sendable, Equatable {
    /// The scheduled time that opened this period.
    package let occurrence: Date
    /// The next scheduled time, which ends it.
    package let next: Date?
    /// Local midnight of the day `now` falls on (for "already done today" checks).
    package let dayStart: Date
    /// Local midnight of the day the occurrence falls on.
    package let occurrenceDayStart: Date

    package init(occurrence: Date, next: Date?, dayStart: Date, occurrenceDayStart: Date) {
        self.occurrence = occurrence
        self.next = next
        self.dayStart = dayStart
        self.occurrenceDayStart = occurrenceDayStart
    }
}
