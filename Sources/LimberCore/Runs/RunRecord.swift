import Foundation

/// A run in the log, with what the file it came from said about it.
package struct RunRecord: Sendable, Equatable {
    package var session: LoggedSession
    /// Metres, when known.
    package var distance: Double?
    /// `running`, `trail_running`, ...; nil for a run logged by hand.
    package var sport: String?
    /// The file it was imported from; nil for a run logged by hand.
    package var sourceFile: String?

    package init(session: LoggedSession, distance: Double?, sport: String?, sourceFile: String?) {
        self.session = session
        self.distance = distance
        self.sport = sport
        self.sourceFile = sourceFile
    }

    /// Elapsed seconds, end minus start; nil if it never finished.
    package var seconds: Int64? {
        session.endedAt.map { Int64(($0.timeIntervalSince1970 - session.startedAt.timeIntervalSince1970).rounded()) }
    }
}

/// What the scan cache knows of a file: its size and modification time when it was last read,
/// and what came of it.
package struct RunFileEntry: Sendable, Equatable {
    package enum Outcome: String, Sendable {
        case imported, skipped, failed
    }

    package var size: Int64
    package var modified: Int64
    package var outcome: Outcome
    package var detail: String?

    package init(size: Int64, modified: Int64, outcome: Outcome, detail: String?) {
        self.size = size
        self.modified = modified
        self.outcome = outcome
        self.detail = detail
    }
}
