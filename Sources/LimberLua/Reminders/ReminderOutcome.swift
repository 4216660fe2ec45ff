import Foundation
import LimberCore

/// What evaluating one reminder at an instant found.
package struct ReminderOutcome {
    package enum Status: Equatable {
        /// Due now, with the message to deliver.
        case due(String)
        /// Its period is open but `due` said no.
        case notDue
        /// Its period was already delivered.
        case alreadyFired
        /// Its period passed out of its window undelivered.
        case missed
        /// No scheduled time has come yet.
        case notStarted
        /// Put off with `limber remind --snooze` until this time.
        case snoozed(Date)
        /// Its `due` or `message` raised or returned something wrong; the text reads `file:line: message`.
        case failed(String)
    }

    package let id: String
    package let status: Status
    /// The period it was evaluated in, if a scheduled time had come.
    package let period: ReminderPeriod?
    package let source: String
}
