import Foundation
import LimberCore

/// The watched folders of config.lua (`runs = { folders = {...} }`), imported before
/// `limber remind` evaluates reminders and by `limber runs scan`.
enum WatchedRunFolders {
    /// The folders, `~` expanded with `HOME`.
    static func folders(_ config: LimberConfig, environment: [String: String]) -> [String] {
        config.runFolders.map { RunFolders.expand($0, home: environment["HOME"]) }
    }

    /// Imports new and changed files of the watched folders; a missing folder is passed over
    /// silently and a file that failed before and has not changed is not read again.
    static func scan(
        _ config: LimberConfig, environment: [String: String], log: SessionLog, timeZone: TimeZone, now: Date
    ) throws -> [RunImporter.FileReport] {
        let folders = folders(config, environment: environment)
        guard !folders.isEmpty else { return [] }
        var importer = RunImporter(log: log, timeZone: timeZone)
        importer.retryFailures = false
        importer.now = { now }
        return try importer.importFiles(at: folders, missingIsFailure: false)
    }
}
