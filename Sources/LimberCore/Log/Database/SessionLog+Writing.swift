import Foundation
import GRDB

/// Writing the log. Each call is one transaction, committed before it returns: a process killed
/// right after a call loses nothing that call wrote.
extension SessionLog {
    /// Starts a session and returns it. Until `finishSession` is called it reads as ended early,
    /// which is what a session cut short by a crash or a kill should read as.
    @discardableResult
    package func startSession(
        routine: String, activity: LoggedSession.Activity = .mobility, source: LoggedSession.Source,
        at date: Date, timeZone: TimeZone, notes: String? = nil
    ) throws -> LoggedSession {
        try Self.validate(routine: routine)
        try LogLimits.check(text: notes, field: "notes")
        let start = try LogLimits.stamp(date, field: "start")
        let day = try LogLimits.day(of: date, in: timeZone, field: "start")
        return try write { db in
            try Self.insertSession(
                db, uuid: Self.newUUID(), activity: activity, routine: routine, source: source,
                startedAt: start, endedAt: nil, completed: false, day: day,
                notes: Self.nonEmpty(notes))
        }
    }

    /// Writes one set of a running session, committed at once, and returns it.
    @discardableResult
    package func recordSet(_ set: NewSet, session sessionID: Int64) throws -> LoggedSet {
        try set.validate()
        return try write { db in
            let session = try Self.requireSession(db, sessionID)
            if session.isFinished { throw LogError.sessionFinished(sessionID) }
            return try Self.insertSet(db, set, session: sessionID)
        }
    }

    /// Sets (or clears, with nil) the discomfort rating of a set already written.
    @discardableResult
    package func setDiscomfort(_ value: Int?, set setID: Int64) throws -> LoggedSet {
        try Self.validate(discomfort: value)
        return try write { db in
            try db.execute(sql: "UPDATE session_set SET discomfort = ? WHERE id = ?", arguments: [value, setID])
            guard db.changesCount > 0, let set = try Self.fetchSets(db, where: "id = ?", [setID]).first else {
                throw LogError.unknownSet(setID)
            }
            return set
        }
    }

    /// Sets the discomfort rating of the last set written in a session (finished or not); returns
    /// that set, or nil when the session has no sets.
    @discardableResult
    package func setDiscomfortOfLastSet(session sessionID: Int64, to value: Int?) throws -> LoggedSet? {
        try Self.validate(discomfort: value)
        return try write { db in
            _ = try Self.requireSession(db, sessionID)
            guard
                let setID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM session_set WHERE session_id = ? ORDER BY at DESC, id DESC LIMIT 1",
                    arguments: [sessionID])
            else { return nil }
            try db.execute(sql: "UPDATE session_set SET discomfort = ? WHERE id = ?", arguments: [value, setID])
            return try Self.fetchSets(db, where: "id = ?", [setID]).first
        }
    }

    /// Finishes a session: `completed` false means the person stopped it early.
    @discardableResult
    package func finishSession(_ sessionID: Int64, at date: Date, completed: Bool, notes: String? = nil) throws -> LoggedSession {
        let stamp = try LogLimits.stamp(date, field: "end")
        try LogLimits.check(text: notes, field: "notes")
        return try write { db in
            let session = try Self.requireSession(db, sessionID)
            if session.isFinished { throw LogError.sessionFinished(sessionID) }
            let end = max(stamp, Self.stamp(session.startedAt))
            try db.execute(
                sql: "UPDATE session SET ended_at = ?, completed = ?, notes = coalesce(?, notes) WHERE id = ?",
                arguments: [end, completed, Self.nonEmpty(notes), sessionID])
            return try Self.requireSession(db, sessionID)
        }
    }

    /// Writes a whole session with its sets in one transaction (`limber log add`, scripts).
    ///
    /// With no end time, the session ends at the later of its last set and its start plus the
    /// seconds its timed sets took.
    @discardableResult
    package func log(_ session: NewSession, timeZone: TimeZone) throws -> LoggedSession {
        try Self.validate(routine: session.routine)
        try LogLimits.check(text: session.notes, field: "notes")
        for set in session.sets { try set.validate() }
        if let run = session.run {
            guard session.activity == .run else {
                throw LogError.invalid(field: "activity", reason: "only a run has a sport, distance or file")
            }
            try run.validate()
        }
        let start = try LogLimits.stamp(session.startedAt, field: "start")
        let day = try LogLimits.day(of: session.startedAt, in: timeZone, field: "start")
        let end: Int64
        if let endedAt = session.endedAt {
            end = try LogLimits.stamp(endedAt, field: "end")
            if end < start { throw LogError.invalid(field: "end", reason: "is before the start") }
        } else {
            let timed = session.sets.filter { $0.unit == .seconds }.reduce(0.0) { $0 + ($1.actual ?? $1.planned ?? 0) }
            let lastSet = session.sets.map { Self.stamp($0.at) }.max() ?? start
            let timedEnd = try LogLimits.stamp(Date(timeIntervalSince1970: Double(start) + timed.rounded()), field: "end")
            end = max(timedEnd, lastSet)
        }
        return try write { db in
            let logged = try Self.insertSession(
                db, uuid: Self.newUUID(), activity: session.activity, routine: session.routine, source: session.source,
                startedAt: start, endedAt: end, completed: session.completed,
                day: day, notes: Self.nonEmpty(session.notes))
            for set in session.sets {
                try Self.insertSet(db, set, session: logged.id)
            }
            if let run = session.run { try Self.insertRunDetail(db, run, session: logged.id) }
            return logged
        }
    }

    /// Marks a day as skipped or as a planned rest day, replacing any mark it had.
    package func mark(_ mark: DayMark) throws {
        try LogLimits.check(day: mark.day, field: "day")
        try LogLimits.check(text: mark.reason, field: "reason")
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO day_mark (local_day, kind, reason) VALUES (?, ?, ?)",
                arguments: [mark.day.number, mark.kind.rawValue, Self.nonEmpty(mark.reason)])
        }
    }

    /// Removes a day's skip or rest mark; returns whether there was one.
    @discardableResult
    package func unmark(_ day: LocalDay) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM day_mark WHERE local_day = ?", arguments: [day.number])
            return db.changesCount > 0
        }
    }

    /// Sets the weekdays (1 = Sunday … 7 = Saturday) that are always rest days; at most six.
    package func setRestWeekdays(_ weekdays: Set<Int>) throws {
        if let bad = weekdays.first(where: { !(1...7).contains($0) }) {
            throw LogError.invalid(field: "weekday", reason: "\(bad) is not between 1 (Sunday) and 7 (Saturday)")
        }
        if weekdays.count == 7 {
            throw LogError.invalid(field: "rest days", reason: "at least one day a week must be a practice day")
        }
        try write { db in
            try db.execute(sql: "DELETE FROM rest_weekday")
            for weekday in weekdays.sorted() {
                try db.execute(sql: "INSERT INTO rest_weekday (weekday) VALUES (?)", arguments: [weekday])
            }
        }
    }

    // MARK: - Helpers shared with import

    /// Whole seconds since 1970, rounded down: the log keeps times to the second. Only for dates
    /// the log itself holds (checked when written); new values go through `LogLimits.stamp`.
    static func stamp(_ date: Date) -> Int64 {
        CheckedNumber.saturatingStamp(date)
    }

    static func date(_ stamp: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(stamp))
    }

    /// Empty notes and reasons are stored as none, so every format reads them back the same.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func newUUID() -> String {
        UUID().uuidString.lowercased()
    }

    static func validate(routine: String) throws {
        if routine.isBlank {
            throw LogError.invalid(field: "routine", reason: "must not be empty")
        }
        try LogLimits.check(text: routine, field: "routine")
    }

    static func validate(discomfort: Int?) throws {
        if let discomfort, !LogLimits.discomfort.contains(discomfort) {
            throw LogError.invalid(field: "discomfort", reason: "must be between 0 and 10")
        }
    }

    static func insertSession(
        _ db: Database, uuid: String, activity: LoggedSession.Activity, routine: String, source: LoggedSession.Source,
        startedAt: Int64, endedAt: Int64?, completed: Bool, day: LocalDay, notes: String?
    ) throws -> LoggedSession {
        try db.execute(
            sql: """
                INSERT INTO session (uuid, activity, routine, source, started_at, ended_at, completed, local_day, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [uuid, activity.rawValue, routine, source.rawValue, startedAt, endedAt, completed, day.number, notes])
        return LoggedSession(
            id: db.lastInsertedRowID, uuid: uuid, activity: activity, routine: routine, source: source,
            startedAt: date(startedAt), endedAt: endedAt.map(date), completed: completed, day: day, notes: notes)
    }

    @discardableResult
    static func insertSet(_ db: Database, _ set: NewSet, session sessionID: Int64) throws -> LoggedSet {
        let at = try LogLimits.stamp(set.at, field: "at")
        try db.execute(
            sql: """
                INSERT INTO session_set (session_id, exercise, side, unit, planned, actual, completed, discomfort, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sessionID, set.exercise, set.side?.rawValue, set.unit.rawValue, set.planned, set.actual,
                set.completed, set.discomfort, at,
            ])
        return LoggedSet(
            id: db.lastInsertedRowID, sessionID: sessionID, exercise: set.exercise, side: set.side, unit: set.unit,
            planned: set.planned, actual: set.actual, completed: set.completed, discomfort: set.discomfort, at: date(at))
    }

    static func requireSession(_ db: Database, _ id: Int64) throws -> LoggedSession {
        guard let session = try fetchSessions(db, where: "id = ?", [id]).first else {
            throw LogError.unknownSession(id)
        }
        return session
    }
}
