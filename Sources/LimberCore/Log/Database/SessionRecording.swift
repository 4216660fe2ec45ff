import Foundation

/// A session being written while it happens: what a guided runner holds from start to finish.
///
/// Each set is committed when `record` returns, so a process killed mid-session keeps every
/// completed set, and the session, never finished, reads as ended early.
package struct SessionRecording: Sendable {
    package let log: SessionLog
    /// The session as it was started.
    package let session: LoggedSession

    /// The session's row id.
    package var id: Int64 { session.id }

    /// Starts a session in `log`.
    package init(
        log: SessionLog, routine: String, activity: LoggedSession.Activity = .mobility,
        source: LoggedSession.Source = .guided, at date: Date, timeZone: TimeZone, notes: String? = nil
    ) throws {
        self.log = log
        self.session = try log.startSession(
            routine: routine, activity: activity, source: source, at: date, timeZone: timeZone, notes: notes)
    }

    /// Writes one completed (or cut short) set.
    @discardableResult
    package func record(_ set: NewSet) throws -> LoggedSet {
        try log.recordSet(set, session: id)
    }

    /// Rates the discomfort (0–10) of the last set recorded; nil clears it.
    @discardableResult
    package func rateLastSet(discomfort: Int?) throws -> LoggedSet? {
        try log.setDiscomfortOfLastSet(session: id, to: discomfort)
    }

    /// Finishes the session; `completed` false means the person stopped early.
    @discardableResult
    package func finish(at date: Date, completed: Bool, notes: String? = nil) throws -> LoggedSession {
        try log.finishSession(id, at: date, completed: completed, notes: notes)
    }
}
