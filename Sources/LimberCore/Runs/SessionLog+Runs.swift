import Foundation
import GRDB

/// Runs in the log: imported runs with their details, the duplicate check, and the scan cache.
extension SessionLog {
    /// Two runs are the same run when they start within this many seconds...
    package static let sameRunStartWindow: Int64 = 120

    /// ...and their durations differ by at most this many seconds or a tenth of the longer.
    static func similarDurations(_ a: Int64, _ b: Int64) -> Bool {
        abs(a - b) <= max(180, max(a, b) / 10)
    }

    /// Runs (imported or logged by hand), oldest first; the newest `limit` when a limit is given.
    package func runs(since: Date? = nil, sinceDay: LocalDay? = nil, limit: Int? = nil) throws -> [RunRecord] {
        try read { db in
            let (clause, arguments) = Self.sessionFilter(SessionQuery(since: since, sinceDay: sinceDay, activity: .run))
            let sessions = try Self.fetchSessions(db, where: clause, arguments, limit: limit)
            return try Self.runRecords(db, sessions)
        }
    }

    /// The run details of these sessions (those that are runs with details), by session id.
    package func runRecords(of sessions: [LoggedSession]) throws -> [Int64: RunRecord] {
        let runs = sessions.filter { $0.activity == .run }
        guard !runs.isEmpty else { return [:] }
        return try read { db in
            Dictionary(uniqueKeysWithValues: try Self.runRecords(db, runs).map { ($0.session.id, $0) })
        }
    }

    /// The run that started last (at or before `date`, when given), if any.
    package func lastRun(atOrBefore date: Date? = nil) throws -> RunRecord? {
        try read { db in
            var clause = "activity = 'run'"
            var arguments: [any DatabaseValueConvertible] = []
            if let date {
                clause += " AND started_at <= ?"
                arguments.append(Self.stamp(date))
            }
            let sessions = try Self.fetchSessions(db, where: clause, arguments, limit: 1)
            return try Self.runRecords(db, sessions).last
        }
    }

    static func runRecords(_ db: Database, _ sessions: [LoggedSession]) throws -> [RunRecord] {
        var details: [Int64: Row] = [:]
        // In chunks, to stay under SQLite's limit on bound parameters.
        let ids = sessions.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try Row.fetchAll(
                db, sql: "SELECT session_id, sport, distance_m, source_file FROM run_detail WHERE session_id IN (\(marks))",
                arguments: StatementArguments(chunk))
            {
                details[row["session_id"]] = row
            }
        }
        return sessions.map { session in
            let row = details[session.id]
            return RunRecord(
                session: session, distance: row?["distance_m"], sport: row?["sport"], sourceFile: row?["source_file"])
        }
    }

    // MARK: - Importing

    /// What came of one activity of a file.
    package enum ImportedActivity: Sendable, Equatable {
        case imported(RunRecord)
        /// Not a run, or the same run as one already logged: why.
        case skipped(String)
    }

    /// Writes the runs among `activities` of the file at `path` and its scan-cache entry, in one
    /// transaction: all of it or, on any error, none of it.
    ///
    /// An activity that is not a run (or has no sport, unless `assumeRun`) is skipped, as is one
    /// that starts within two minutes of a logged run of a similar duration. With `dryRun`
    /// nothing is written: the runs that would be imported come back with session id 0.
    package func importRuns(
        _ activities: [FileActivity], file path: String, entry: RunFileEntry, assumeRun: Bool, timeZone: TimeZone, now: Date,
        dryRun: Bool = false
    ) throws -> [ImportedActivity] {
        try (dryRun ? read : write) { db in
            var results: [ImportedActivity] = []
            for activity in activities {
                let sport: String
                switch activity.sport {
                case .run(let name): sport = name
                case .other(let name):
                    results.append(.skipped("a \(name.replacingOccurrences(of: "_", with: " ")) activity, not a run"))
                    continue
                case .unspecified:
                    guard assumeRun else {
                        results.append(.skipped("the file does not say which sport (--as run imports it as a run)"))
                        continue
                    }
                    sport = "running"
                }
                // Checked here, so a file's numbers never reach the log unchecked.
                guard activity.seconds.isFinite, activity.seconds >= 0, activity.seconds < 14 * 86_400,
                    activity.start.timeIntervalSince1970.isFinite,
                    let start = Int64(exactly: activity.start.timeIntervalSince1970.rounded(.down)),
                    (0...253_402_300_799).contains(start)
                else {
                    results.append(.skipped("its start or duration is out of range"))
                    continue
                }
                let seconds = Int64(activity.seconds.rounded())
                let distance = activity.distance.flatMap { $0.isFinite && LogLimits.distance.contains($0) ? $0 : nil }
                if let same = try Self.sameRun(db, start: start, seconds: seconds) {
                    let when = LogTime.format(Self.stamp(same.session.startedAt))
                    if same.sourceFile == path {
                        results.append(.skipped("already imported (the run at \(when))"))
                    } else {
                        let origin = same.sourceFile.map { "from \($0)" } ?? "logged by hand"
                        results.append(.skipped("the same run as the one at \(when) \(origin)"))
                    }
                    continue
                }
                let day = LocalDay(Self.date(start), in: timeZone)
                if dryRun {
                    let session = LoggedSession(
                        id: 0, uuid: "", activity: .run, routine: "run", source: .imported, startedAt: Self.date(start),
                        endedAt: Self.date(start + seconds), completed: true, day: day, notes: nil)
                    results.append(.imported(RunRecord(session: session, distance: distance, sport: sport, sourceFile: path)))
                    continue
                }
                let session = try Self.insertSession(
                    db, uuid: Self.newUUID(), activity: .run, routine: "run", source: .imported, startedAt: start,
                    endedAt: start + seconds, completed: true, day: day, notes: nil)
                let detail = RunDetail(sport: sport, distance: distance, sourceFile: path)
                try detail.validate()
                try Self.insertRunDetail(db, detail, session: session.id)
                results.append(.imported(RunRecord(session: session, distance: distance, sport: sport, sourceFile: path)))
            }
            var entry = entry
            if results.contains(where: { if case .imported = $0 { true } else { false } }) {
                entry.outcome = .imported
            }
            if !dryRun { try Self.saveFileEntry(db, path: path, entry, now: now) }
            return results
        }
    }

    /// A logged run that starts within two minutes of `start` and lasts about as long.
    static func sameRun(_ db: Database, start: Int64, seconds: Int64) throws -> RunRecord? {
        let candidates = try Self.fetchSessions(
            db, where: "activity = 'run' AND started_at BETWEEN ? AND ?",
            [start - sameRunStartWindow, start + sameRunStartWindow])
        let same = candidates.filter { session in
            guard let end = session.endedAt else { return true }
            return similarDurations(Self.stamp(end) - Self.stamp(session.startedAt), seconds)
        }
        return try runRecords(db, same).min {
            abs(Self.stamp($0.session.startedAt) - start) < abs(Self.stamp($1.session.startedAt) - start)
        }
    }

    // MARK: - The scan cache

    /// Every file the scan cache knows, by path.
    package func runFileEntries() throws -> [String: RunFileEntry] {
        try read { db in
            var entries: [String: RunFileEntry] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, size, mtime_ns, outcome, detail FROM run_file") {
                let outcome = RunFileEntry.Outcome(rawValue: row["outcome"]) ?? .failed
                entries[row["path"]] = RunFileEntry(
                    size: row["size"], modified: row["mtime_ns"], outcome: outcome, detail: row["detail"])
            }
            return entries
        }
    }

    /// Records what came of reading a file that wrote no run (skipped or failed).
    package func saveRunFileEntry(_ entry: RunFileEntry, path: String, now: Date) throws {
        try write { db in try Self.saveFileEntry(db, path: path, entry, now: now) }
    }

    static func saveFileEntry(_ db: Database, path: String, _ entry: RunFileEntry, now: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO run_file (path, size, mtime_ns, outcome, detail, read_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [path, entry.size, entry.modified, entry.outcome.rawValue, entry.detail, Self.stamp(now)])
    }
}
