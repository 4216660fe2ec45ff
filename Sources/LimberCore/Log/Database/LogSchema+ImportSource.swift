import GRDB

extension LogSchema {
    /// Sessions may say they were imported from a file. Never edit this migration once shipped.
    ///
    /// SQLite cannot change a CHECK constraint, so the session table is rebuilt (SQLite's own
    /// recipe for other table changes): a new table, every row copied with its id, the old one
    /// dropped, the new one renamed, its indexes made again. GRDB runs the migration in one
    /// transaction with foreign keys off (so dropping the old table deletes no sets or run
    /// details) and checks every foreign key before it commits: any failure leaves the log as
    /// it was.
    static func registerImportSource(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3 import source: runs imported from files say so") { db in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0
            try db.execute(
                sql: """
                    CREATE TABLE session_v3 (
                        id INTEGER PRIMARY KEY,
                        uuid TEXT NOT NULL UNIQUE,
                        activity TEXT NOT NULL CHECK (activity IN ('mobility', 'run')),
                        routine TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('guided', 'manual', 'script', 'import')),
                        started_at INTEGER NOT NULL,
                        ended_at INTEGER,
                        completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
                        local_day INTEGER NOT NULL,
                        notes TEXT
                    );
                    INSERT INTO session_v3 (id, uuid, activity, routine, source, started_at, ended_at, completed, local_day, notes)
                        SELECT id, uuid, activity, routine, source, started_at, ended_at, completed, local_day, notes FROM session;
                    DROP TABLE session;
                    ALTER TABLE session_v3 RENAME TO session;
                    CREATE INDEX session_by_day ON session (activity, local_day);
                    CREATE INDEX session_by_start ON session (started_at);
                    CREATE INDEX session_by_routine ON session (routine, started_at);
                    -- Runs read from a file were written as 'manual' before; their detail names the file.
                    UPDATE session SET source = 'import'
                        WHERE activity = 'run' AND id IN (SELECT session_id FROM run_detail WHERE source_file IS NOT NULL);
                    """)
            let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0
            guard after == before else {
                throw LogError.database("rebuilding the session table kept \(after) of \(before) sessions")
            }
        }
    }
}
