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
