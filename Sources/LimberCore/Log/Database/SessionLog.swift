import Foundation
import GRDB

/// The one owner of the session log database: every read and write of the log goes through here.
///
/// Opening never deletes, re-creates or overwrites an existing file: a corrupt, foreign, locked,
/// unreadable or read-only file gives a `LogError` and is left as it was. The database runs in WAL
/// mode with a busy timeout, so a cron job and an open REPL can both write; every write is its
/// own transaction, committed before the call returns.
package final class SessionLog: Sendable {
    /// Written into the SQLite header (`PRAGMA application_id`) so limber can tell its own log
    /// from another program's database: the bytes `LMBR`.
    package static let applicationID: Int32 = 0x4C4D_4252

    /// The default busy timeout: how long a write waits for another process's write to finish.
    package static let defaultBusyTimeout: Duration = .seconds(5)

    let queue: DatabaseQueue
    /// The database file's path, or `:memory:`.
    package let path: String

    /// Opens (creating if missing) the log at `paths.database`.
    package convenience init(paths: LimberPaths, busyTimeout: Duration = SessionLog.defaultBusyTimeout) throws {
        try self.init(url: paths.database, busyTimeout: busyTimeout)
    }

    /// Opens (creating if missing) the log database file at `url`, then brings its schema up to date.
    package init(url: URL, busyTimeout: Duration = SessionLog.defaultBusyTimeout) throws {
        let path = url.path
        self.path = path
        try Self.checkFile(at: url)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.seconds(busyTimeout))
        configuration.foreignKeysEnabled = true
        configuration.label = "limber.log"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.logError(error, path: path)
        }
        // Switching a new log to WAL takes an exclusive lock that SQLite does not wait for, so
        // two processes opening a new log at once can see it locked: retry within the timeout.
        let deadline = ContinuousClock.now + busyTimeout
        while true {
            do {
                try prepare(wal: true)
                return
            } catch LogError.locked where ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// A private log in memory, for tests and dry runs.
    package init() throws {
        path = ":memory:"
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        do {
            queue = try DatabaseQueue(configuration: configuration)
        } catch {
            throw Self.logError(error, path: ":memory:")
        }
        try prepare(wal: false)
    }

    // MARK: - Opening

    /// Refuses files the log must not touch, and creates the folder of a new log.
    private static func checkFile(at url: URL) throws {
        let path = url.path
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw LogError.unreadable(path: path, reason: "it is a folder")
            }
            // Permission bits count even for root: a file the user made read-only stays untouched.
            // The link's own bits for a symbolic link, as FileManager's attributes give them
            // (lstat), without building every attribute and casting one out of them.
            var info = stat()
            let permissions = lstat(path, &info) == 0 ? Int(info.st_mode & 0o7777) : 0o644
            if !files.isReadableFile(atPath: path) || permissions & 0o444 == 0 {
                throw LogError.unreadable(path: path, reason: "permission denied")
            }
            if !files.isWritableFile(atPath: path) || permissions & 0o222 == 0 {
                throw LogError.readOnly(path: path)
            }
        } else {
            let folder = url.deletingLastPathComponent()
            do {
                try files.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw LogError.unreadable(path: path, reason: "cannot create folder \(folder.path)")
            }
        }
    }

    /// Checks that the database is ours (or empty), switches to WAL and runs pending migrations.
    private func prepare(wal: Bool) throws {
        let migrator = LogSchema.migrator
        if wal, isReady(migrations: migrator.migrations) { return }
        try perform {
            try queue.read { db in
                let owner = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // Another limber opening a new log at the same moment may have created only
                // GRDB's migration table so far (outside the migration's transaction).
                let objects =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"
                    ) ?? 0
                if owner != Self.applicationID && (owner != 0 || objects > 0) {
                    throw LogError.notALimberLog(path: path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw LogError.newerVersion(path: path)
                }
            }
            if wal {
                try queue.writeWithoutTransaction { db in
                    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    guard mode?.lowercased() == "wal" else {
                        throw LogError.database("could not switch the log to WAL mode (journal mode \(mode ?? "unknown"))")
                    }
                }
            }
            // Two processes opening a new log at once can both see it unmigrated; the second one's
            // migration then fails harmlessly (rolled back) and a re-check finds the schema ready.
            var attempt = 0
            while true {
                do {
                    try migrator.migrate(queue)
                    return
                } catch {
                    attempt += 1
                    if try queue.read(migrator.hasCompletedMigrations) { return }
                    if attempt >= 3 { throw Self.migrationError(error, path: path) }
                }
            }
        }
    }

    /// Whether the log needs nothing more at this open: it is ours, already in WAL mode, and
    /// holds exactly the migrations this version knows, read in one statement. The full check
    /// below is a read, a write (the journal mode) and GRDB's migrator, which opens a write
    /// transaction to look: a third of every start that reads the log. Any error here (no
    /// migration table, a foreign or corrupt file) leaves it to the full check, which names it.
    private func isReady(migrations: [String]) -> Bool {
        let expected = "\(Self.applicationID)\nwal\n" + migrations.sorted().joined(separator: "\n")
        let found = try? queue.read { db in try String.fetchOne(db, sql: Self.readinessQuery) }
        return found == expected
    }

    /// The application id, the journal mode and the applied migrations (sorted), one per line;
    /// NULL when no migration was applied.
    private static let readinessQuery = """
        SELECT (SELECT application_id FROM pragma_application_id) || char(10)
            || (SELECT journal_mode FROM pragma_journal_mode) || char(10)
            || (SELECT group_concat(identifier, char(10))
                FROM (SELECT identifier FROM grdb_migrations ORDER BY identifier))
        """

    /// Closes the database connection now, as releasing the log would (SQLite checkpoints the
    /// write-ahead log into the file and removes it); any later use of this log fails.
    package func close() throws {
        try perform { try queue.close() }
    }

    // MARK: - Access

    /// Runs `body` in a read transaction, mapping database errors to `LogError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try perform { try queue.read(body) }
    }

    /// Runs `body` in one write transaction (committed before returning), mapping errors to `LogError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try perform { try queue.write(body) }
    }

    private func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.logError(error, path: path)
        }
    }

    /// A failed migration (rolled back, so the log is as it was): a lock, a read-only file or a
    /// full disk says so; anything else names the migration's problem.
    static func migrationError(_ error: any Error, path: String) -> LogError {
        let mapped = logError(error, path: path)
        switch mapped {
        case .database(let message): return .migrationFailed(path: path, reason: message)
        default: return mapped
        }
    }

    /// Turns any error from the database layer into the log's one error type.
    static func logError(_ error: any Error, path: String) -> LogError {
        if let error = error as? LogError { return error }
        guard let error = error as? DatabaseError else { return .database(String(describing: error)) }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path)
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH, .SQLITE_IOERR:
            return .unreadable(path: path, reason: error.message ?? "i/o error")
        case .SQLITE_FULL:
            return .diskFull(path: path)
        default:
            return .database(error.message ?? String(describing: error))
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
