import Foundation
import GRDB

/// Which sessions to read.
package struct SessionQuery: Sendable, Equatable {
    /// Only sessions that started at or after this time.
    package var since: Date?
    /// Only sessions that count for this day or later.
    package var sinceDay: LocalDay?
    /// Only this routine (or exercise, or `run`).
    package var routine: String?
    /// Only this activity; nil reads runs and mobility sessions.
    package var activity: LoggedSession.Activity?
    /// At most this many, the newest ones.
    package var limit: Int?

    package init(
        since: Date? = nil, sinceDay: LocalDay? = nil, routine: String? = nil,
        activity: LoggedSession.Activity? = nil, limit: Int? = nil
    ) {
        self.since = since
        self.sinceDay = sinceDay
        self.routine = routine
        self.activity = activity
        self.limit = limit
    }
}

/// Which sets to read.
package struct SetQuery: Sendable, Equatable {
    package var session: Int64?
    package var exercise: String?
    /// Only sets of sessions of this routine.
    package var routine: String?
    /// Only sets done at or after this time.
    package var since: Date?
    /// At most this many, the newest ones.
    package var limit: Int?

    package init(session: Int64? = nil, exercise: String? = nil, routine: String? = nil, since: Date? = nil, limit: Int? = nil) {
        self.session = session
        self.exercise = exercise
        self.routine = routine
        self.since = since
        self.limit = limit
    }
}

/// A session with totals of its sets, for listings.
package struct SessionSummary: Sendable, Equatable {
    package var session: LoggedSession
    package var sets: Int
    package var completedSets: Int
    /// How long it took: end minus start, or up to its last set if it never finished.
    package var seconds: Double
    /// The highest discomfort reported in it.
    package var maxDiscomfort: Int?

    package init(session: LoggedSession, sets: Int, completedSets: Int, seconds: Double, maxDiscomfort: Int?) {
        self.session = session
        self.sets = sets
        self.completedSets = completedSets
        self.seconds = seconds
        self.maxDiscomfort = maxDiscomfort
    }
}

/// Reading the log.
extension SessionLog {
    /// Sessions matching `query`, oldest first (the newest `limit` ones when a limit is given).
    package func sessions(_ query: SessionQuery = SessionQuery()) throws -> [LoggedSession] {
        try read { db in
            let (clause, arguments) = Self.sessionFilter(query)
            return try Self.fetchSessions(db, where: clause, arguments, limit: query.limit)
        }
    }

    /// Sessions matching `query` with totals of their sets, oldest first, in one query.
    package func summaries(_ query: SessionQuery = SessionQuery()) throws -> [SessionSummary] {
        try read { db in
            let (clause, arguments) = Self.sessionFilter(query)
            let limit = query.limit.map { "LIMIT \(max(0, $0))" } ?? ""
            let sql = """
                SELECT s.*, count(st.id) AS set_count, coalesce(sum(st.completed), 0) AS done,
                       max(st.discomfort) AS worst, max(st.at) AS last_set
                FROM (SELECT \(Self.sessionColumns) FROM session WHERE \(clause)
                      ORDER BY started_at DESC, id DESC \(limit)) AS s
                LEFT JOIN session_set AS st ON st.session_id = s.id
                GROUP BY s.id
                ORDER BY s.started_at, s.id
                """
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let session = try Self.session(from: row)
                let lastSet: Int64? = row["last_set"]
                let start = Self.stamp(session.startedAt)
                let end = session.endedAt.map(Self.stamp) ?? lastSet ?? start
                return SessionSummary(
                    session: session, sets: row["set_count"], completedSets: row["done"],
                    seconds: Double(max(0, end - start)), maxDiscomfort: row["worst"])
            }
        }
    }

    /// The session with this id, if any.
    package func session(id: Int64) throws -> LoggedSession? {
        try read { db in try Self.fetchSessions(db, where: "id = ?", [id]).first }
    }

    /// The most recent session of a routine (by start time), if any.
    package func lastSession(routine: String) throws -> LoggedSession? {
        try sessions(SessionQuery(routine: routine, limit: 1)).last
    }

    /// The most recent session of an activity (the last run, say), if any.
    package func lastSession(activity: LoggedSession.Activity) throws -> LoggedSession? {
        try sessions(SessionQuery(activity: activity, limit: 1)).last
    }

    /// The sets of one session, in the order they were done.
    package func sets(session sessionID: Int64) throws -> [LoggedSet] {
        try sets(SetQuery(session: sessionID))
    }

    /// Sets matching `query`, in the order they were done (the newest `limit` ones when a limit is given).
    package func sets(_ query: SetQuery) throws -> [LoggedSet] {
        try read { db in
            var clauses: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let session = query.session {
                clauses.append("session_id = ?")
                arguments.append(session)
            }
            if let exercise = query.exercise {
                clauses.append("exercise = ?")
                arguments.append(exercise)
            }
            if let routine = query.routine {
                clauses.append("session_id IN (SELECT id FROM session WHERE routine = ?)")
                arguments.append(routine)
            }
            if let since = query.since {
                clauses.append("at >= ?")
                arguments.append(Self.stamp(since))
            }
            return try Self.fetchSets(
                db, where: clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments, limit: query.limit)
        }
    }

    /// Skip and rest marks between two days, inclusive.
    package func marks(from start: LocalDay? = nil, through end: LocalDay? = nil) throws -> [DayMark] {
        try read { db in try Self.fetchMarks(db, from: start, through: end) }
    }

    /// The weekdays (1 = Sunday … 7 = Saturday) that are always rest days.
    package func restWeekdays() throws -> Set<Int> {
        try read { db in Set(try Int.fetchAll(db, sql: "SELECT weekday FROM rest_weekday")) }
    }

    /// The current and longest streaks of practice days as of `today`; skips and rest days bridge gaps.
    package func streaks(today: LocalDay) throws -> Streaks {
        try read { db in try Self.streaks(db, today: today) }
    }

    // MARK: - Shared fetching

    static func streaks(_ db: Database, today: LocalDay) throws -> Streaks {
        let days = try Int.fetchAll(
            db, sql: "SELECT DISTINCT local_day FROM session WHERE activity = 'mobility' ORDER BY local_day")
        let marks = try Int.fetchAll(db, sql: "SELECT local_day FROM day_mark")
        let weekdays = try Int.fetchAll(db, sql: "SELECT weekday FROM rest_weekday")
        return Streaks(
            practiceDays: days.map(LocalDay.init(number:)), bridges: Set(marks.map(LocalDay.init(number:))),
            restWeekdays: Set(weekdays), today: today)
    }

    static func sessionFilter(_ query: SessionQuery) -> (String, [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = query.since {
            clauses.append("started_at >= ?")
            arguments.append(stamp(since))
        }
        if let day = query.sinceDay {
            clauses.append("local_day >= ?")
            arguments.append(day.number)
        }
        if let routine = query.routine {
            clauses.append("routine = ?")
            arguments.append(routine)
        }
        if let activity = query.activity {
            clauses.append("activity = ?")
            arguments.append(activity.rawValue)
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    static let sessionColumns = "id, uuid, activity, routine, source, started_at, ended_at, completed, local_day, notes"

    static func fetchSessions(
        _ db: Database, where clause: String, _ arguments: [any DatabaseValueConvertible], limit: Int? = nil
    ) throws -> [LoggedSession] {
        let sql = chronologicalSQL(sessionColumns, from: "session", where: clause, orderedBy: ["started_at", "id"], limit: limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(session(from:))
    }

    static func session(from row: Row) throws -> LoggedSession {
        let activityText: String = row["activity"]
        let sourceText: String = row["source"]
        guard let activity = LoggedSession.Activity(rawValue: activityText),
            let source = LoggedSession.Source(rawValue: sourceText)
        else { throw LogError.database("unexpected activity or source in session \(row["id"] as Int64)") }
        let ended: Int64? = row["ended_at"]
        return LoggedSession(
            id: row["id"], uuid: row["uuid"], activity: activity, routine: row["routine"], source: source,
            startedAt: date(row["started_at"]), endedAt: ended.map(date), completed: row["completed"],
            day: LocalDay(number: row["local_day"]), notes: row["notes"])
    }

    static func fetchSets(
        _ db: Database, where clause: String, _ arguments: [any DatabaseValueConvertible], limit: Int? = nil
    ) throws -> [LoggedSet] {
        let columns = "id, session_id, exercise, side, unit, planned, actual, completed, discomfort, at"
        let sql = chronologicalSQL(columns, from: "session_set", where: clause, orderedBy: ["at", "id"], limit: limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(set(from:))
    }

    static func set(from row: Row) throws -> LoggedSet {
        let unitText: String = row["unit"]
        let sideText: String? = row["side"]
        guard let unit = Dose.Unit(rawValue: unitText) else {
            throw LogError.database("unexpected unit '\(unitText)' in set \(row["id"] as Int64)")
        }
        return LoggedSet(
            id: row["id"], sessionID: row["session_id"], exercise: row["exercise"],
            side: sideText.flatMap(LoggedSet.Side.init(rawValue:)),
            unit: unit, planned: row["planned"], actual: row["actual"], completed: row["completed"],
            discomfort: row["discomfort"], at: date(row["at"]))
    }

    static func fetchMarks(_ db: Database, from start: LocalDay?, through end: LocalDay?) throws -> [DayMark] {
        try Row.fetchAll(
            db, sql: "SELECT local_day, kind, reason FROM day_mark WHERE local_day BETWEEN ? AND ? ORDER BY local_day",
            arguments: [start?.number ?? Int.min, end?.number ?? Int.max]
        ).map { row in
            let kind: String = row["kind"]
            return DayMark(
                day: LocalDay(number: row["local_day"]), kind: DayMark.Kind(rawValue: kind) ?? .skip, reason: row["reason"])
        }
    }
}
