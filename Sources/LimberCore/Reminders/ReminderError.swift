/// What can go wrong with reminders: a schedule that does not parse, state that cannot be read
/// or written, a delivery backend that is missing or fails.
package enum ReminderError: Error, Equatable, CustomStringConvertible {
    /// The schedule text does not follow the grammar; `reason` says what was expected.
    case invalidSchedule(String, reason: String)
    /// The reminder state file exists but cannot be read as state.
    case unreadableState(path: String, reason: String)
    /// The reminder state or lock file cannot be written.
    case unwritableState(path: String, reason: String)
    /// A delivery backend is not available here (no session bus, no such command).
    case backendUnavailable(String)
    /// A delivery command ran and failed (non-zero exit, killed, timed out).
    case deliveryFailed(String)
    /// A crontab or other helper command failed.
    case commandFailed(String)
    /// A snooze duration or id that does not work.
    case invalidSnooze(String)

    package var description: String {
        switch self {
        case .invalidSchedule(let text, let reason):
            return "bad schedule '\(text)': \(reason)"
        case .unreadableState(let path, let reason):
            return "cannot read reminder state \(path): \(reason)"
        case .unwritableState(let path, let reason):
            return "cannot write reminder state \(path): \(reason)"
        case .backendUnavailable(let message), .deliveryFailed(let message), .commandFailed(let message),
            .invalidSnooze(let message):
            return message
        }
    }
}
