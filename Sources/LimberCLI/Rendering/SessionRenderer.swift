import LimberCore

/// Turns a guided session's events into output: the live TTY display, plain lines, or JSON.
protocol SessionRenderer: AnyObject {
    /// The session is about to start.
    func begin(plan: SessionPlan, pace: Double)
    /// One event, in order.
    func render(_ event: SessionEvent)
    /// A line for the person that is not an event: a hook failed, the voice is missing.
    func note(_ message: String)
    /// The session is over; leave the output tidy.
    func end()
    /// Text a hook printed (ending in a newline), shown where the display cannot draw over it.
    func output(_ text: String)
}
