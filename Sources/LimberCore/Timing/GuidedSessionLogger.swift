import Foundation

/// Writes a guided session to the log as it happens: one session, one set per `step_done`.
///
/// `session_start` opens the session (source `guided`), each `step_done` records a set at once
/// (so a session killed half-way keeps what was done), and `session_done` finishes it,
/// completed or ended early. A two-sided step's sides log as `left` (side 1) and `right`.
package final class GuidedSessionLogger {
    private let log: SessionLog
    private let routine: String
    private let timeZone: TimeZone
    private let now: () -> Date
    private var recording: SessionRecording?

    package init(log: SessionLog, routine: String, timeZone: TimeZone = .current, now: @escaping () -> Date = { Date() }) {
        self.log = log
        self.routine = routine
        self.timeZone = timeZone
        self.now = now
    }

    /// The session written so far, once `session_start` has been seen.
    package var session: LoggedSession? { recording?.session }

    /// Records what the event means for the log; other events are ignored.
    package func handle(_ event: SessionEvent) throws {
        switch event {
        case .sessionStart:
            recording = try SessionRecording(log: log, routine: routine, source: .guided, at: now(), timeZone: timeZone)
        case .stepDone(let done):
            guard let recording else { return }
            try recording.record(
                NewSet(
                    exercise: done.exercise, side: Self.side(done.side, of: done.sides), unit: done.unit,
                    planned: Double(done.planned), actual: Double(done.actual), completed: done.completed, at: now()))
        case .sessionDone(let done):
            guard let recording else { return }
            _ = try recording.finish(at: now(), completed: done.completed)
        case .tick, .stepStart, .sideSwitch, .paused, .resumed:
            break
        }
    }

    /// Rates the last set's discomfort (0–10), the check offered at the end of a session.
    package func rateDiscomfort(_ discomfort: Int) throws {
        _ = try recording?.rateLastSet(discomfort: discomfort)
    }

    /// The side a set worked, as the log names it: nil for a one-sided step.
    package static func side(_ side: Int, of sides: Int) -> LoggedSet.Side? {
        guard sides == 2 else { return nil }
        return side == 1 ? .left : .right
    }
}
