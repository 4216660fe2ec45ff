import GRDB

/// The `run_detail` row of a run session: written with the session, read back with it.
extension SessionLog {
    /// Writes a run's sport, distance and file (checked by the caller with `RunDetail.validate`).
    static func insertRunDetail(_ db: Database, _ run: RunDetail, session sessionID: Int64) throws {
        try db.execute(
            sql: "INSERT INTO run_detail (session_id, sport, distance_m, source_file) VALUES (?, ?, ?, ?)",
            arguments: [sessionID, run.sport, run.distance, run.sourceFile])
    }

    /// The detail in a row with the columns `sport`, `distance_m` and `source_file`, as a LEFT
    /// JOIN on `run_detail` gives them; nil when the session has none (`sport` is NULL).
    static func runDetail(from row: Row) -> RunDetail? {
        guard let sport: String = row["sport"] else { return nil }
        return RunDetail(sport: sport, distance: row["distance_m"], sourceFile: row["source_file"])
    }
}

extension SessionLog {
    /// Gives a run that has none its sport, distance and file, in one transaction, and returns
    /// the run as `runs()` reads it. A run given a file reads as imported from it, as
    /// `limber runs import` writes one (`limber test`'s `log.seed` uses this).
    @discardableResult
    package func addRunDetail(_ detail: RunDetail, toSession sessionID: Int64) throws -> RunRecord {
        try detail.validate()
        return try write { db in
            let session = try Self.requireSession(db, sessionID)
            guard session.activity == .run else {
                throw LogError.invalid(field: "activity", reason: "only a run has a sport, distance or file")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM run_detail WHERE session_id = ?", arguments: [sessionID]) == true {
                throw LogError.invalid(field: "sport", reason: "session \(sessionID) already has its run's details")
            }
            try Self.insertRunDetail(db, detail, session: sessionID)
            if detail.sourceFile != nil {
                try db.execute(
                    sql: "UPDATE session SET source = ? WHERE id = ?",
                    arguments: [LoggedSession.Source.imported.rawValue, sessionID])
            }
            guard let run = try Self.runRecords(db, [try Self.requireSession(db, sessionID)]).first else {
                throw LogError.unknownSession(sessionID)
            }
            return run
        }
    }
}
