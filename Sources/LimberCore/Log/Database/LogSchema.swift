import GRDB

/// The log's schema as an ordered list of named migrations.
///
/// Never edit or rename a migration once it has shipped: add a new one at the end.
enum LogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sessions, sets, day marks, rest weekdays") { db in
            try db.execute(sql: "PRAGMA application_id = \(SessionLog.applicationID)")
            // Times are whole seconds since 1970 (UTC). `local_day` is the day the session counts
            // for, in days since 1970-01-01 of the writer's local calendar.
            try db.execute(
                sql: """
                    CREATE TABLE session (
                        id INTEGER PRIMARY KEY,
                        uuid TEXT NOT NULL UNIQUE,
                        activity TEXT NOT NULL CHECK (activity IN ('mobility', 'run')),
                        routine TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('guided', 'manual', 'script')),
                        started_at INTEGER NOT NULL,
                        ended_at INTEGER,
                        completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
                        local_day INTEGER NOT NULL,
                        notes TEXT
                    );
                    CREATE INDEX session_by_day ON session (activity, local_day);
                    CREATE INDEX session_by_start ON session (started_at);
                    CREATE INDEX session_by_routine ON session (routine, started_at);

                    CREATE TABLE session_set (
                        id INTEGER PRIMARY KEY,
                        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
                        exercise TEXT NOT NULL,
                        side TEXT CHECK (side IN ('left', 'right')),
                        unit TEXT NOT NULL CHECK (unit IN ('seconds', 'reps', 'breaths')),
                        planned REAL,
                        actual REAL,
                        completed INTEGER NOT NULL CHECK (completed IN (0, 1)),
                        discomfort INTEGER CHECK (discomfort BETWEEN 0 AND 10),
                        at INTEGER NOT NULL
                    );
                    CREATE INDEX set_by_session ON session_set (session_id);
                    CREATE INDEX set_by_exercise ON session_set (exercise, at);

                    CREATE TABLE day_mark (
                        local_day INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('skip', 'rest')),
                        reason TEXT
                    );

                    CREATE TABLE rest_weekday (
                        weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7)
                    );
                    """)
        }
        registerRuns(in: &migrator)
        registerImportSource(in: &migrator)
        return migrator
    }
}
