import Foundation

/// What can go wrong with the session log: opening its database, writing to it, reading it,
/// and importing files into it.
///
/// The database file is never deleted, re-created or overwritten because of one of these errors.
package enum LogError: Error, Equatable, CustomStringConvertible {
    /// The database file or its folder cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The database file is read-only, so nothing can be logged.
    case readOnly(path: String)
    /// The file is not a SQLite database, or it is damaged.
    case corrupt(path: String)
    /// Another process kept the database locked for longer than the busy timeout.
    case locked(path: String)
    /// The file is a SQLite database that belongs to something else.
    case notALimberLog(path: String)
    /// The database has migrations this version of limber does not know.
    case newerVersion(path: String)
    /// Bringing an older log's schema up to date failed; the migration was rolled back.
    case migrationFailed(path: String, reason: String)
    /// The disk is full.
    case diskFull(path: String)
    /// No session has this id.
    case unknownSession(Int64)
    /// The session was already finished.
    case sessionFinished(Int64)
    /// No set has this id.
    case unknownSet(Int64)
    /// A value given to the log is out of range or missing.
    case invalid(field: String, reason: String)
    /// An import file was refused; nothing was written.
    case malformedFile(line: Int, reason: String)
    /// Any other database failure, with SQLite's message.
    case database(String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot open the log at \(path): \(reason)"
        case .readOnly(let path):
            return "the log at \(path) is read-only; nothing was written"
        case .corrupt(let path):
            return "the log at \(path) is not a readable SQLite database (corrupt?); it was left untouched"
        case .locked(let path):
            return "the log at \(path) is locked by another process; try again"
        case .notALimberLog(let path):
            return "\(path) is a SQLite database but not a limber log; it was left untouched"
        case .newerVersion(let path):
            return "the log at \(path) was written by a newer limber; update limber to use it"
        case .migrationFailed(let path, let reason):
            return "the log at \(path) could not be updated for this limber (\(reason)); it was left as it was"
        case .diskFull(let path):
            return "the disk holding \(path) is full; nothing was written"
        case .unknownSession(let id):
            return "no session with id \(id)"
        case .sessionFinished(let id):
            return "session \(id) is already finished"
        case .unknownSet(let id):
            return "no set with id \(id)"
        case .invalid(let field, let reason):
            return "invalid \(field): \(reason)"
        case .malformedFile(let line, let reason):
            return "line \(line): \(reason); nothing was imported"
        case .database(let message):
            return "log database error: \(message)"
        }
    }
}
