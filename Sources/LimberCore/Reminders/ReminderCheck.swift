import Foundation

/// What the schedule, the delivery state and any snooze decide about a reminder at an instant,
/// before its plugin is asked anything.
///
/// The one place that decides whether a reminder's `due` must run: `limber remind` evaluates
/// with it, and uses it to leave unloaded every plugin none of whose reminders it says to ask.
package enum ReminderCheck: Sendable, Equatable {
    /// No scheduled time has come yet.
    case notStarted
    /// Put off with `limber remind --snooze` until this time; the period it is in, if any.
    case snoozed(until: Date, period: ReminderPeriod?)
    /// Its current period was already delivered.
    case alreadyFired(ReminderPeriod)
    /// Its current period passed out of its window undelivered.
    case missed(ReminderPeriod)
    /// Ask its `due` (then its message) in this period.
    case ask(ReminderPeriod)

    /// Where `reminder` stands at `now` in `timeZone`, given what `state` says was delivered
    /// and snoozed.
    ///
    /// A snoozed reminder is held back until its time, then asked again in the period it is in,
    /// whether or not that period was delivered or its window has passed.
    package init(_ reminder: Reminder, at now: Date, in timeZone: TimeZone, state: ReminderState) {
        let snoozedUntil = state.snoozes[reminder.id]
        let period: ReminderPeriod
        switch reminder.standing(at: now, in: timeZone, lastFired: snoozedUntil == nil ? state.entries[reminder.id] : nil) {
        case .notStarted:
            if let snoozedUntil, now < snoozedUntil {
                self = .snoozed(until: snoozedUntil, period: nil)
            } else {
                self = .notStarted
            }
            return
        case .alreadyFired(let open):
            self = .alreadyFired(open)
            return
        case .missed(let open) where snoozedUntil == nil:
            self = .missed(open)
            return
        case .missed(let open), .pending(let open):
            period = open
        }
        if let snoozedUntil, now < snoozedUntil {
            self = .snoozed(until: snoozedUntil, period: period)
        } else {
            self = .ask(period)
        }
    }

    /// Whether the reminder's plugin must be asked (its `due`, then its message).
    package var asks: Bool {
        if case .ask = self { true } else { false }
    }
}
