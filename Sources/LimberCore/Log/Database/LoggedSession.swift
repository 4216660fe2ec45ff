import Foundation

/// One session as the log holds it: a routine done (or started) at a time, with how it ended.
package struct LoggedSession: Sendable, Equatable, Identifiable {
    /// What kind of activity a session was. Streaks and stats count mobility sessions only;
    /// runs are logged so reminders can ask "stretch after your run?".
    package enum Activity: String, Sendable, Codable, CaseIterable {
        case mobility, run
    }

    /// How the session reached the log.
    package enum Source: String, Sendable, Codable, CaseIterable {
        /// A guided session with timers.
        case guided
        /// Logged by hand afterwards (`limber log add`).
        case manual
        /// Logged by a Lua script.
        case script
        /// Imported from an activity file (`limber runs import`, a watched folder).
        case imported = "import"
    }

    /// How the session ended.
    package enum Outcome: String, Sendable, Codable {
        case completed
        /// Stopped before the end, or never finished (the process died or is still running).
        case endedEarly = "ended_early"
    }

    /// The row id in this database.
    package var id: Int64
    /// A stable identity across export and import.
    package var uuid: String
    package var activity: Activity
    /// The routine id (or exercise id for a single logged exercise, `run` for a run).
    package var routine: String
    package var source: Source
    package var startedAt: Date
    /// When the session finished; nil if it never did.
    package var endedAt: Date?
    /// True only if the session was finished and marked complete.
    package var completed: Bool
    /// The local day the session counts for.
    package var day: LocalDay
    package var notes: String?

    package init(
        id: Int64, uuid: String, activity: Activity, routine: String, source: Source, startedAt: Date,
        endedAt: Date?, completed: Bool, day: LocalDay, notes: String?
    ) {
        self.id = id
        self.uuid = uuid
        self.activity = activity
        self.routine = routine
        self.source = source
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.completed = completed
        self.day = day
        self.notes = notes
    }

    package var outcome: Outcome { completed ? .completed : .endedEarly }

    /// Whether the session was finished (completed or stopped); false means it never finished.
    package var isFinished: Bool { endedAt != nil }
}

/// A new session to write in one go, with all its sets: what `limber log add` and scripts record.
package struct NewSession: Sendable, Equatable {
    package var activity: LoggedSession.Activity
    package var routine: String
    package var source: LoggedSession.Source
    package var startedAt: Date
    /// When it ended; nil means "started at plus the time of its sets".
    package var endedAt: Date?
    package var completed: Bool
    package var notes: String?
    package var sets: [NewSet]
    /// A run's sport, distance and file; nil for a run typed in and for every other activity.
    package var run: RunDetail?

    package init(
        activity: LoggedSession.Activity = .mobility, routine: String, source: LoggedSession.Source,
        startedAt: Date, endedAt: Date? = nil, completed: Bool = true, notes: String? = nil, sets: [NewSet] = [],
        run: RunDetail? = nil
    ) {
        self.activity = activity
        self.routine = routine
        self.source = source
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.completed = completed
        self.notes = notes
        self.sets = sets
        self.run = run
    }
}
