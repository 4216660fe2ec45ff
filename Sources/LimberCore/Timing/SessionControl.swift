/// What a person (or a script) can ask of a running session.
package enum SessionControl: Sendable, Equatable {
    case pause
    case resume
    /// Pause if running, resume if paused.
    case togglePause
    /// End the current step now (cut short) and go on.
    case skip
    /// End the session now.
    case abort
}
