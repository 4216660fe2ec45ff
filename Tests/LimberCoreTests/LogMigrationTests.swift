import Foundation
import GRDB
import LimberTestSupport
import Testing

@testable import LimberCore

/// The v3 migration (sessions may be `import`ed) on a log the previous limber wrote
/// (`Tests/Fixtures/log/v2.sqlite`, made by `make_log_fixtures.sh`): every row kept with its id,
/// foreign keys and indexes as before, imported runs marked, and a migration that cannot run
/// leaves the file as it was with one clear error.
@Suite("log migration v2 → v3")
struct LogMigrationTests {
    static let fixture = Repository.url("Tests/Fixtures/log/v2.sqlite")

    /// A copy of the v2 log in a fresh folder.
    static func copyOfFixture() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try FileManager.default.copyItem(at: fixture, to: file)
        return (folder, file)
    }

    /// Every row of a table, in key order, read straight from the file (no migration).
    static func rows(_ file: URL, _ sql: String) throws -> [[DatabaseValue]] {
        try DatabaseQueue(path: file.path).read { db in
            try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues) }
        }
    }

    static func migrations(_ file: URL) throws -> [String] {
        try DatabaseQueue(path: file.path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
    }

    @Test func theFixtureIsALogOfThePreviousVersion() throws {
        let migrations = try Self.migrations(Self.fixture)
        #expect(migrations.count == 2)
        #expect(migrations.last?.hasPrefix("v2 runs") == true)
        let sources = try Self.rows(Self.fixture, "SELECT DISTINCT source FROM session ORDER BY source")
        #expect(sources == [["manual".databaseValue], ["script".databaseValue]], "v2 wrote imported runs as manual")
    }

    @Test func everyRowKeepsItsIdAndImportedRunsAreMarked() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = folder
        let sessionsBefore = try Self.rows(file, "SELECT * FROM session ORDER BY id")
        let setsBefore = try Self.rows(file, "SELECT * FROM session_set ORDER BY id")
        let detailsBefore = try Self.rows(file, "SELECT * FROM run_detail ORDER BY session_id")
        let cacheBefore = try Self.rows(file, "SELECT * FROM run_file ORDER BY path")
        let marksBefore = try Self.rows(file, "SELECT * FROM day_mark ORDER BY local_day")

        let log = try SessionLog(url: file)
        #expect(try Self.migrations(file).last == "v3 import source: runs imported from files say so")
        #expect(try Self.rows(file, "SELECT * FROM session_set ORDER BY id") == setsBefore)
        #expect(try Self.rows(file, "SELECT * FROM run_detail ORDER BY session_id") == detailsBefore)
        #expect(try Self.rows(file, "SELECT * FROM run_file ORDER BY path") == cacheBefore)
        #expect(try Self.rows(file, "SELECT * FROM day_mark ORDER BY local_day") == marksBefore)
        // Sessions: the same rows with the same ids; only the source of the two imported runs changed.
        let withFiles = Set(try Self.rows(file, "SELECT session_id FROM run_detail WHERE source_file IS NOT NULL").map { $0[0] })
        #expect(withFiles.count == 2)
        var expected = sessionsBefore
        for index in expected.indices where withFiles.contains(expected[index][0]) {
            expected[index][4] = "import".databaseValue
        }
        #expect(try Self.rows(file, "SELECT * FROM session ORDER BY id") == expected)
        let runs = try log.runs()
        #expect(runs.map(\.session.source) == [.imported, .imported, .manual])
        #expect(runs.map(\.sourceFile?.isEmpty) == [false, false, nil])
        #expect(runs.map(\.distance) == [8200, 12500, nil])
    }

    @Test func theMigratedSchemaIsTheSchemaOfANewLog() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = try SessionLog(url: file)
        let fresh = folder.file("new.sqlite")
        _ = try SessionLog(url: fresh)
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'grdb%' ORDER BY type, name"
        #expect(try Self.rows(file, schema) == Self.rows(fresh, schema))
        let indexes = try Self.rows(file, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").map {
            String.fromDatabaseValue($0[0]) ?? ""
        }
        #expect(
            indexes == [
                "run_by_file", "session_by_day", "session_by_routine", "session_by_start", "set_by_exercise", "set_by_session",
                "sqlite_autoindex_grdb_migrations_1", "sqlite_autoindex_session_1",
            ])
        try DatabaseQueue(path: file.path).read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(session_set)").map { $0["table"] as String }
            #expect(references == ["session"])
        }
    }

    @Test func foreignKeysStillCascadeAndNewSourcesAreAccepted() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = folder
        let log = try SessionLog(url: file)
        let cooldown = try #require(try log.sessions().first { $0.routine == "runner-cooldown" })
        #expect(try log.sets(session: cooldown.id).count == 9)
        try log.write { db in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [cooldown.id]) }
        #expect(try log.sets(session: cooldown.id).isEmpty, "deleting a session still deletes its sets")
        let run = try #require(try log.runs().first)
        try log.write { db in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [run.session.id]) }
        #expect(try log.runs().count == 2)
        #expect(
            try log.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM run_detail WHERE session_id = ?", arguments: [run.session.id])
            }
                == 0)
        // The new source, and a new session gets the next id.
        let imported = try log.log(
            NewSession(
                activity: .run, routine: "run", source: .imported, startedAt: LogFixtures.may(1), endedAt: LogFixtures.may(1, 8),
                run: RunDetail(sport: "running", distance: 5000, sourceFile: "/watch/a.fit")), timeZone: LogFixtures.utc)
        #expect(imported.id == 8)
        #expect(try log.session(id: 8)?.source == .imported)
    }

    @Test func aLockedLogIsLeftAsItWasAndMigratesOnceFree() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = folder
        let before = try Data(contentsOf: file)
        let holder = try DatabaseQueue(path: file.path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Another process writing: it holds the write lock until told to let go, then rolls back.
            try? holder.inTransaction { db in
                try db.execute(sql: "INSERT INTO rest_weekday (weekday) VALUES (2)")
                locked.signal()
                release.wait()
                return .rollback
            }
            done.signal()
        }
        locked.wait()
        #expect(throws: LogError.locked(path: file.path)) { try SessionLog(url: file, busyTimeout: .zero) }
        #expect(try Self.migrations(file).count == 2, "no migration was recorded")
        #expect(try Data(contentsOf: file) == before, "the database file is as it was")
        #expect(LogError.locked(path: file.path).description.split(separator: "\n").count == 1)
        release.signal()
        done.wait()
        _ = try SessionLog(url: file, busyTimeout: .zero)
        #expect(try Self.migrations(file).count == 3)
    }

    @Test func aReadOnlyLogIsLeftAsItWas() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = folder
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let before = try Data(contentsOf: file)
        #expect(throws: LogError.readOnly(path: file.path)) { try SessionLog(url: file) }
        #expect(try Data(contentsOf: file) == before)
        #expect(try Self.migrations(file).count == 2)
    }

    @Test func aMigrationThatFailsHalfWayIsRolledBackWithOneLine() throws {
        let (folder, file) = try Self.copyOfFixture()
        _ = folder
        // A set whose session is gone, written by another tool with foreign keys off: the
        // migration's foreign key check at the end refuses to commit.
        try DatabaseQueue(path: file.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: "INSERT INTO session_set (session_id, exercise, unit, completed, at) VALUES (99, 'cat-cow', 'reps', 1, 0)")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let sessions = try Self.rows(file, "SELECT * FROM session ORDER BY id")
        let schema = try Self.rows(file, "SELECT sql FROM sqlite_master ORDER BY name")
        do {
            _ = try SessionLog(url: file)
            Issue.record("the migration went through")
        } catch let error as LogError {
            guard case .migrationFailed(let path, let reason) = error else {
                Issue.record("failed with \(error)")
                return
            }
            #expect(path == file.path)
            #expect(reason.contains("FOREIGN KEY"), "\(reason)")
            #expect(error.description.split(separator: "\n").count == 1, "\(error)")
            #expect(error.description.hasSuffix("it was left as it was"))
        }
        #expect(try Self.migrations(file).count == 2)
        #expect(try Self.rows(file, "SELECT * FROM session ORDER BY id") == sessions)
        #expect(try Self.rows(file, "SELECT sql FROM sqlite_master ORDER BY name") == schema)
    }
}
