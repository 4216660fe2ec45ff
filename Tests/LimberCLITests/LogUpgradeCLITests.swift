import Foundation
import LimberTestSupport
import Testing

/// A log the previous limber wrote (`Tests/Fixtures/log/v2.sqlite`), used by this one from the
/// command line: it is migrated on first use, shows how each run reached the log, and exports
/// and imports back with its runs' details; a log that cannot be migrated is one line and is
/// left as it was.
@Suite("an older log from the command line", .serialized)
struct LogUpgradeCLITests {
    let home: TemporaryFolder
    let limber: LimberProcess
    let database: URL

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2026-03-20T20:00:00Z", "TZ": "UTC"])
        database = home.url.appendingPathComponent("data/limber.sqlite")
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.url("Tests/Fixtures/log/v2.sqlite"), to: database)
    }

    @Test func runsAndStatsShowHowEachRunReachedTheLog() throws {
        let list = try limber.run(["runs"])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("/tmp/limber-log-fixture/watch, \"Garmin\"/Activity/run.fit"))
        #expect(lines[1].hasSuffix("/tmp/limber-log-fixture/phone\\u{a}export/trail.fit"), "a newline in a path is made visible")
        #expect(lines[2].hasPrefix("Thu 2026-03-12 06:30  52 min") && lines[2].hasSuffix("logged by hand"))

        let json = try limber.run(["runs", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["origin"] as? String } == ["import", "import", "manual"])
        #expect(runs[1]["source"] as? String == "/tmp/limber-log-fixture/phone\nexport/trail.fit")

        let stats = try limber.run(["stats", "--json", "--weeks", "4"])
        let statsObject = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let runStats = try #require(statsObject["runs"] as? [String: Any])
        #expect(runStats["by_source"] as? [String: Int] == ["import": 2, "manual": 1])
        let text = try limber.run(["stats", "--weeks", "4"])
        #expect(text.stdout.contains("runs logged     2 imported from files, 1 logged by hand\n"), "\(text.stdout)")
    }

    @Test func anExportOfTheMigratedLogRestoresItsRunsInANewHome() throws {
        let csv = try limber.run(["export", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("type,session,"))
        #expect(csv.stdout.contains(",run,run,import,2026-03-09T07:00:00Z,"))
        let other = try TemporaryFolder()
        let restored = LimberProcess(
            home: other.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2026-03-20T20:00:00Z", "TZ": "UTC"])
        let file = try other.write("backup.csv", csv.stdout)
        let imported = try restored.run(["import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 7 sessions, 16 sets"))
        #expect(try restored.run(["runs", "--json"]).stdout == limber.run(["runs", "--json"]).stdout)
        #expect(try restored.run(["export", "--format", "json"]).stdout == limber.run(["export", "--format", "json"]).stdout)
    }

    @Test func aReadOnlyOlderLogIsOneLineAndLeftAsItWas() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database.path)
        let before = try Data(contentsOf: database)
        let result = try limber.run(["runs"])
        #expect(result.status != 0)
        #expect(result.stderr == "limber: the log at \(database.path) is read-only; nothing was written\n")
        #expect(try Data(contentsOf: database) == before)
    }

    @Test func anOlderLogThatCannotBeMigratedIsOneLineAndLeftAsItWas() throws {
        // A set whose session is gone (another tool wrote it with foreign keys off).
        let sqlite = try LimberProcess.run(
            URL(fileURLWithPath: "/usr/bin/sqlite3"),
            [
                database.path,
                "PRAGMA foreign_keys = OFF; INSERT INTO session_set (session_id, exercise, unit, completed, at) VALUES (99, 'x', 'reps', 1, 0); PRAGMA wal_checkpoint(TRUNCATE);",
            ], environment: ProcessInfo.processInfo.environment)
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let before = try Data(contentsOf: database)
        let result = try limber.run(["runs"])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("limber: the log at \(database.path) could not be updated for this limber ("))
        #expect(result.stderr.hasSuffix("); it was left as it was\n"))
        #expect(try Data(contentsOf: database) == before)
    }
}
