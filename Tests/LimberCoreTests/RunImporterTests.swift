import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

@Suite("Importing runs: skips, dedup, one transaction per file, the scan cache")
struct RunImporterTests {
    let log: SessionLog
    let folder: TemporaryFolder
    let utcZone = TimeZone(identifier: "UTC") ?? .current

    init() throws {
        log = try SessionLog()
        folder = try TemporaryFolder()
    }

    func importer(assumeRun: Bool = false, retryFailures: Bool = true) -> RunImporter {
        var importer = RunImporter(log: log, timeZone: utcZone)
        importer.assumeRun = assumeRun
        importer.retryFailures = retryFailures
        importer.now = { utc("2026-03-15T12:00:00Z") }
        return importer
    }

    /// Copies fixtures into the scratch folder (under `into`), returning the folder's path.
    @discardableResult
    func copy(_ names: [String], into sub: String = "watch") throws -> String {
        let target = folder.url.appendingPathComponent(sub)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in names {
            let destination = target.appendingPathComponent((name as NSString).lastPathComponent)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: runFixture(name), to: destination)
        }
        return target.path
    }

    func status(_ reports: [RunImporter.FileReport], _ file: String) -> RunImporter.FileReport.Status? {
        reports.first { $0.path.hasSuffix("/" + file) }?.status
    }

    @Test func runsAreImportedAndEverythingElseIsSkippedWithItsReason() throws {
        let path = try copy(["run.fit", "trail.fit", "treadmill.fit", "ride.fit", "walk.fit", "multisport.fit", "settings.fit"])
        let reports = try importer().importFiles(at: [path], missingIsFailure: true)
        let runs = try log.runs()
        #expect(runs.map(\.sport) == ["running", "street_running", "trail_running", "treadmill_running"])
        #expect(runs.allSatisfy { $0.session.activity == .run && $0.session.routine == "run" })
        #expect(runs.allSatisfy { $0.session.source == .imported }, "a run read from a file says so")
        #expect(runs.first?.distance == 8200 && runs.first?.seconds == 2820)
        #expect(runs.first?.sourceFile == path + "/run.fit")
        #expect(status(reports, "ride.fit") == .skipped("a cycling activity, not a run"))
        #expect(status(reports, "walk.fit") == .skipped("a walking activity, not a run"))
        #expect(status(reports, "settings.fit") == .skipped("a settings file, not an activity"))
        #expect(status(reports, "multisport.fit") == .imported)
        let legs = reports.first { $0.path.hasSuffix("multisport.fit") }?.activities ?? []
        #expect(legs.count == 5 && legs.filter { if case .imported = $0 { true } else { false } }.count == 1)
    }

    @Test func withoutASportAFileIsSkippedUnlessToldItIsARun() throws {
        let path = try copy(["xml/no_sport.gpx", "xml/other.tcx"])
        let first = try importer().importFiles(at: [path], missingIsFailure: true)
        #expect(
            first.map(\.status)
                == Array(repeating: .skipped("the file does not say which sport (--as run imports it as a run)"), count: 2))
        #expect(try log.runs().isEmpty)
        // Unchanged and skipped before: --as run reads them again.
        let asRun = try importer(assumeRun: true).importFiles(at: [path], missingIsFailure: true)
        #expect(asRun.map(\.status) == [.imported, .imported])
        #expect(try log.runs().map(\.sport) == ["running", "running"])
    }

    @Test func importingAgainAddsNothingAndReadsNothing() throws {
        let path = try copy(["run.fit", "trail.fit", "ride.fit", "xml/run.tcx"])
        _ = try importer().importFiles(at: [path], missingIsFailure: true)
        let count = try log.runs().count
        let again = try importer().importFiles(at: [path], missingIsFailure: true)
        #expect(again.map(\.status) == Array(repeating: .unchanged, count: 4))
        #expect(try log.runs().count == count)
    }

    @Test func aChangedFileIsReadAgainAndItsRunIsNotLoggedTwice() throws {
        let path = try copy(["run.fit"])
        _ = try importer().importFiles(at: [path], missingIsFailure: true)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: path + "/run.fit")
        let again = try importer().importFiles(at: [path], missingIsFailure: true)
        guard case .skipped(let reason) = again.first?.status else {
            Issue.record("expected a skip, got \(String(describing: again.first?.status))")
            return
        }
        #expect(reason.hasPrefix("already imported"))
        #expect(try log.runs().count == 1)
    }

    @Test(arguments: [
        (["run.fit", "xml/run_phone.gpx"], "run.fit"),
        (["xml/run_phone.gpx", "run.fit"], "run_phone.gpx"),
        (["treadmill.fit", "xml/treadmill.tcx"], "treadmill.fit"),
        (["xml/treadmill.tcx", "treadmill.fit"], "treadmill.tcx"),
        (["trail.fit", "gz/trail.fit.gz"], "trail.fit"),
    ])
    func theSameRunFromTwoFormatsIsOneRun(files: [String], kept: String) throws {
        for (index, file) in files.enumerated() {
            _ = try importer().importFiles(at: [try copy([file], into: "source\(index)")], missingIsFailure: true)
        }
        let runs = try log.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.sourceFile?.hasSuffix("/" + kept) == true)
    }

    @Test func aRunTypedInByHandIsNotImportedAgain() throws {
        try log.log(
            NewSession(
                activity: .run, routine: "run", source: .manual, startedAt: utc("2026-03-09T07:01:00Z"),
                endedAt: utc("2026-03-09T07:46:00Z")),
            timeZone: utcZone)
        let reports = try importer().importFiles(at: [try copy(["run.fit"])], missingIsFailure: true)
        guard case .skipped(let reason) = reports.first?.status else {
            Issue.record("expected a skip")
            return
        }
        #expect(reason == "the same run as the one at 2026-03-09T07:01:00Z logged by hand")
        #expect(try log.runs().count == 1)
    }

    @Test func runsThatStartCloseButLastVeryDifferentlyAreTwoRuns() throws {
        // 07:00 for 47 minutes, and a 10-minute warm-up jog logged at 07:01: not the same run.
        try log.log(
            NewSession(
                activity: .run, routine: "run", source: .manual, startedAt: utc("2026-03-09T07:01:00Z"),
                endedAt: utc("2026-03-09T07:11:00Z")),
            timeZone: utcZone)
        _ = try importer().importFiles(at: [try copy(["run.fit"])], missingIsFailure: true)
        #expect(try log.runs().count == 2)
    }

    @Test func brokenFilesWriteNothingAndTheOthersAreStillImported() throws {
        let path = try copy([
            "run.fit", "broken/truncated.fit", "broken/bad_crc.fit", "broken/huge_size.fit", "broken/bomb.fit.gz",
            "broken/cut_run.tcx", "broken/entities.gpx", "xml/run.tcx",
        ])
        let reports = try importer().importFiles(at: [path], missingIsFailure: true)
        let failed = reports.filter { if case .failed = $0.status { true } else { false } }
        #expect(failed.count == 6)
        #expect(try log.runs().map { ($0.sourceFile as NSString?)?.lastPathComponent } == ["run.fit", "run.tcx"])
        // Reported again by an explicit import; a scan (retryFailures false) stays quiet.
        let again = try importer().importFiles(at: [path], missingIsFailure: true)
        #expect(again.filter { if case .failed = $0.status { true } else { false } }.count == 6)
        let scan = try importer(retryFailures: false).importFiles(at: [path], missingIsFailure: false)
        #expect(scan.allSatisfy { $0.status == .unchanged })
    }

    @Test func aMissingFolderIsSilentForAScanAndAFailureWhenTyped() throws {
        let missing = folder.path("not-plugged-in")
        #expect(try importer().importFiles(at: [missing], missingIsFailure: false).isEmpty)
        let typed = try importer().importFiles(at: [missing], missingIsFailure: true)
        #expect(typed.map(\.status) == [.failed("no such file or folder")])
    }

    @Test func aRescanOfManyUnchangedFilesReadsNoneOfThem() throws {
        // 300 copies in nested folders; the second pass must find every one in the cache.
        let source = try Data(contentsOf: runFixture("xml/run.tcx"))
        for index in 0..<300 {
            let url = folder.url.appendingPathComponent("many/\(index % 10)/run\(index).TCX")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try source.write(to: url)
        }
        let first = try importer().importFiles(at: [folder.path("many")], missingIsFailure: false)
        #expect(first.count == 300)
        #expect(try log.runs().count == 1, "the copies are the same run")
        let second = try importer().importFiles(at: [folder.path("many")], missingIsFailure: false)
        #expect(second.count == 300 && second.allSatisfy { $0.status == .unchanged })
    }

    @Test func lastRunAndRunStatsSeeImportedRuns() throws {
        _ = try importer().importFiles(at: [try copy(["run.fit", "xml/run.tcx"])], missingIsFailure: true)
        try log.log(
            NewSession(
                routine: "runner-cooldown", source: .manual, startedAt: utc("2026-03-09T08:30:00Z"),
                endedAt: utc("2026-03-09T08:45:00Z")),
            timeZone: utcZone)
        #expect(try log.lastRun(atOrBefore: utc("2026-03-10T00:00:00Z"))?.distance == 8200)
        #expect(try log.lastRun(atOrBefore: utc("2026-03-12T00:00:00Z"))?.distance == 9000)
        let stats = try log.runStats(today: LocalDay(utc("2026-03-12T00:00:00Z"), in: utcZone), weeks: 2)
        #expect(stats.runs == 2 && stats.followedByCooldown == 1)
        #expect(stats.weeks.last?.kilometres == 17.2)
    }
}
