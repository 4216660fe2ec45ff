import GRDB

extension LogSchema {
    /// The tables of imported runs. Never edit this migration once shipped: add a new one.
    static func registerRuns(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 runs: distance, sport and source file of runs; the run file scan cache") { db in
            // A run session's details; a run logged by hand has none, or only a distance.
            try db.execute(
                sql: """
                    CREATE TABLE run_detail (
                        session_id INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
                        sport TEXT NOT NULL,
                        distance_m REAL CHECK (distance_m IS NULL OR distance_m >= 0),
                        source_file TEXT
                    );
                    CREATE INDEX run_by_file ON run_detail (source_file);

                    CREATE TABLE run_file (
                        path TEXT PRIMARY KEY,
                        size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL,
                        outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'skipped', 'failed')),
                        detail TEXT,
                        read_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
    }
}
