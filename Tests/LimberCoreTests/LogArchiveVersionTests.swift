import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

/// Export version 2 carries a run's sport, distance and file; archives of version 1 (the
/// fixtures the previous limber wrote, `Tests/Fixtures/log/export-v1.*`) still import.
@Suite("log archive versions and runs")
struct LogArchiveVersionTests {
    static func fixture(_ name: String) throws -> String {
        try #require(Repository.text("Tests/Fixtures/log/\(name)"), "missing fixture \(name)")
    }

    /// A log with runs of every kind and awkward values at the edges of `LogLimits`.
    static func runLog() throws -> SessionLog {
        let log = try SessionLog()
        let utc = LogFixtures.utc
        func run(_ day: Int, _ detail: RunDetail?, source: LoggedSession.Source = .imported, notes: String? = nil) throws {
            try log.log(
                NewSession(
                    activity: .run, routine: "run", source: source, startedAt: LogFixtures.may(day, 6),
                    endedAt: LogFixtures.may(day, 7), notes: notes, run: detail), timeZone: utc)
        }
        try run(1, RunDetail(sport: "running", distance: 8200.5, sourceFile: "/media/GARMIN/Activity/2024-05-01.fit"))
        try run(2, RunDetail(sport: "trail_running", distance: 0, sourceFile: "/home/me/runs, \"long\"\nfolder/ü 日本.gpx"))
        try run(3, RunDetail(sport: "treadmill_running", distance: LogLimits.distance.upperBound, sourceFile: "/x.tcx"))
        try run(4, RunDetail(sport: "running", distance: .leastNonzeroMagnitude, sourceFile: "/tiny.fit"))
        try run(5, RunDetail(sport: "running", distance: 1.0 / 3, sourceFile: nil), source: .script)
        try run(6, RunDetail(sport: "running, \"fast\"", distance: nil, sourceFile: "\u{2028}\r\n\t\\"))
        try run(7, nil, source: .manual, notes: "typed in, \"easy\"\n8k")
        try LogFixtures.practise(log, on: LogFixtures.may(7, 9))
        return log
    }

    @Test func runsKeepSportDistanceAndFileThroughBothFormats() throws {
        let log = try Self.runLog()
        try LogArchivePropertyTests.expectRoundTrip(log)
        for format in LogFormat.allCases {
            let copy = try SessionLog()
            try copy.importLog(try log.export(format: format))
            let runs = try copy.runs()
            #expect(runs.map(\.distance) == [8200.5, 0, 10_000_000, .leastNonzeroMagnitude, 1.0 / 3, nil, nil])
            #expect(
                runs.map(\.sport) == [
                    "running", "trail_running", "treadmill_running", "running", "running", "running, \"fast\"", nil,
                ])
            #expect(runs[1].sourceFile == "/home/me/runs, \"long\"\nfolder/ü 日本.gpx")
            #expect(runs[5].sourceFile == "\u{2028}\r\n\t\\")
            #expect(runs.map(\.session.source) == [.imported, .imported, .imported, .imported, .script, .imported, .manual])
        }
    }

    @Test func version2LooksAsDocumented() throws {
        let log = try SessionLog()
        try log.log(
            NewSession(
                activity: .run, routine: "run", source: .imported, startedAt: LogFixtures.may(1, 6),
                endedAt: LogFixtures.may(1, 7), run: RunDetail(sport: "running", distance: 8200.5, sourceFile: "/w/a,b.fit")),
            timeZone: LogFixtures.utc)
        let csv = try log.export(format: .csv).split(separator: "\n")
        #expect(
            csv[0]
                == "type,session,activity,routine,source,started_at,ended_at,completed,day,notes,exercise,side,unit,planned,actual,discomfort,at,reason,weekday,sport,distance_m,file"
        )
        #expect(
            csv[1].hasSuffix(
                ",run,run,import,2024-05-01T06:00:00Z,2024-05-01T07:00:00Z,true,2024-05-01,,,,,,,,,,,running,8200.5,\"/w/a,b.fit\""
            ))
        let json = try log.export(format: .json).split(separator: "\n")
        #expect(json[0] == "{\"format\":\"limber-log\",\"version\":2,\"records\":[")
        #expect(json[1].hasSuffix(",\"day\":\"2024-05-01\",\"sport\":\"running\",\"distance_m\":8200.5,\"file\":\"/w/a,b.fit\"}"))
        #expect(json[1].contains("\"source\":\"import\""))
    }

    @Test(arguments: ["export-v1.csv", "export-v1.json"])
    func version1ArchivesOfThePreviousLimberStillImport(name: String) throws {
        let text = try Self.fixture(name)
        let log = try SessionLog()
        let summary = try log.importLog(text)
        #expect(summary.sessions == 7)
        #expect(summary.sets == 16)
        #expect(summary.marks == 2)
        #expect(summary.restWeekdays == 2)
        let sessions = try log.sessions()
        #expect(
            sessions.map(\.routine) == [
                "run", "run", "runner-cooldown", "figure-four-stretch", "run", "cat-cow", "evening, \"quiet\"",
            ])
        #expect(sessions.map(\.source) == [.manual, .manual, .manual, .manual, .manual, .manual, .script])
        #expect(sessions.compactMap(\.notes).contains("line one\r\nline \"two\", three\ttab"))
        #expect(sessions.compactMap(\.notes).contains("a\\b\u{2028}c\u{1B}[31m"))
        #expect(sessions.compactMap(\.notes).contains("Ünïcødé ✓, 日本 🏃"))
        #expect(try log.marks().map(\.reason) == ["ill, \"flu\"\nstayed in", "race day"])
        // Version 1 had no run details: its runs come back as runs without them.
        #expect(try log.runs().allSatisfy { $0.sport == nil && $0.distance == nil && $0.sourceFile == nil })
        // And the log exports as version 2 and round-trips from there.
        #expect(try log.export(format: .json).hasPrefix("{\"format\":\"limber-log\",\"version\":2,"))
        try LogArchivePropertyTests.expectRoundTrip(log)
    }

    @Test func bothVersion1ArchivesHoldTheSameRecords() throws {
        let fromCSV = try SessionLog()
        try fromCSV.importLog(try Self.fixture("export-v1.csv"))
        let fromJSON = try SessionLog()
        try fromJSON.importLog(try Self.fixture("export-v1.json"))
        #expect(try LogTables.rows(of: fromCSV) == LogTables.rows(of: fromJSON))
    }

    @Test func theMigratedFixtureRoundTripsWithItsRunDetails() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try FileManager.default.copyItem(at: Repository.url("Tests/Fixtures/log/v2.sqlite"), to: file)
        let log = try SessionLog(url: file)
        try LogArchivePropertyTests.expectRoundTrip(log)
        let copy = try SessionLog()
        try copy.importLog(try log.export(format: .csv))
        #expect(
            try copy.runs().compactMap(\.sourceFile) == [
                "/tmp/limber-log-fixture/watch, \"Garmin\"/Activity/run.fit", "/tmp/limber-log-fixture/phone\nexport/trail.fit",
            ])
    }

    /// Imports `text`, expecting a refusal at `line` naming `words`, and nothing written.
    private func expectRefusal(
        _ text: String, line: Int, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let log = try SessionLog()
        do {
            try log.importLog(text)
            Issue.record("the file was accepted", sourceLocation: sourceLocation)
        } catch let LogError.malformedFile(errorLine, reason) {
            #expect(errorLine == line, "\(reason)", sourceLocation: sourceLocation)
            #expect(reason.contains(words), "\(reason)", sourceLocation: sourceLocation)
        }
        #expect(try log.sessions().isEmpty, "nothing was written", sourceLocation: sourceLocation)
    }

    @Test func badRunFieldsAreRefusedWithTheirLine() throws {
        let header = "type,session,activity,routine,source,started_at,ended_at,completed,day,sport,distance_m,file"
        let good = "session,r1,run,run,import,2024-05-01T06:00:00Z,2024-05-01T07:00:00Z,true,2024-05-01,running,8200,/a.fit"
        func csv(_ second: String) -> String { [header, good, second].joined(separator: "\n") }
        let other = good.replacingOccurrences(of: "r1", with: "r2")
        try expectRefusal(csv(other.replacingOccurrences(of: ",8200,", with: ",-1,")), line: 3, mentioning: "invalid distance_m")
        try expectRefusal(csv(other.replacingOccurrences(of: ",8200,", with: ",10000000.5,")), line: 3, mentioning: "distance_m")
        try expectRefusal(csv(other.replacingOccurrences(of: ",8200,", with: ",nan,")), line: 3, mentioning: "distance_m")
        try expectRefusal(
            csv(other.replacingOccurrences(of: ",running,", with: ",,")), line: 3, mentioning: "needs the run's sport")
        try expectRefusal(csv(other.replacingOccurrences(of: ",running,", with: ", ,")), line: 3, mentioning: "invalid sport")
        try expectRefusal(
            csv(other.replacingOccurrences(of: ",run,run,", with: ",mobility,hips,")), line: 3, mentioning: "only a run")
        try expectRefusal(csv(other.replacingOccurrences(of: ",import,", with: ",watch,")), line: 3, mentioning: "invalid source")
        let set =
            "{\"type\":\"set\",\"session\":\"r1\",\"exercise\":\"x\",\"unit\":\"reps\",\"completed\":true,\"at\":\"2024-05-01T07:00:00Z\",\"sport\":\"running\"}"
        let session =
            #"{"type":"session","uuid":"r1","activity":"run","routine":"run","source":"import","started_at":"2024-05-01T06:00:00Z","completed":false,"day":"2024-05-01","sport":"running","distance_m":"8200"}"#
        try expectRefusal(
            "{\"format\":\"limber-log\",\"version\":2,\"records\":[\n"
                + session.replacingOccurrences(of: "\"8200\"", with: "8200")
                + ",\n" + set + "\n]}", line: 3, mentioning: "field 'sport' does not belong in a set record")
        try expectRefusal(
            "{\"format\":\"limber-log\",\"version\":3,\"records\":[]}", line: 1,
            mentioning: "export version 3 is not one this limber reads (1...2)")
    }
}
