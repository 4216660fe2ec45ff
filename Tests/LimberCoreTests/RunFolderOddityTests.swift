import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

#if canImport(Glibc)
    import Glibc
#endif

/// `limber runs import` of a folder that holds more than files: each odd thing under an activity
/// file's name is one clear line, nothing hangs or crashes, and the real files are imported.
@Suite("Importing a folder with odd file system objects", .timeLimit(.minutes(2)))
struct RunFolderOddityTests {
    let log: SessionLog
    let folder: TemporaryFolder
    let utcZone = TimeZone(identifier: "UTC") ?? .current

    init() throws {
        log = try SessionLog()
        folder = try TemporaryFolder()
    }

    func importer() -> RunImporter {
        var importer = RunImporter(log: log, timeZone: utcZone)
        importer.now = { utc("2026-03-15T12:00:00Z") }
        return importer
    }

    func failure(_ reports: [RunImporter.FileReport], _ name: String) -> String? {
        guard let report = reports.first(where: { $0.path.hasSuffix("/" + name) }) else { return "no report" }
        if case .failed(let problem) = report.status { return problem }
        return nil
    }

    /// Each failure is a single line, and no two reports name the same path.
    func expectOneLineEach(_ reports: [RunImporter.FileReport]) {
        for report in reports {
            if case .failed(let problem) = report.status {
                #expect(!problem.isEmpty && !problem.contains("\n"), "\(report.path): \(problem)")
            }
        }
        #expect(Set(reports.map(\.path)).count == reports.count)
    }

    @Test func fifosLinksDevicesAndFoldersNamedLikeFilesAreEachOneLine() throws {
        let watch = folder.url.appendingPathComponent("watch")
        let manager = FileManager.default
        try manager.createDirectory(at: watch.appendingPathComponent("dir.fit"), withIntermediateDirectories: true)
        try manager.copyItem(at: runFixture("run.fit"), to: watch.appendingPathComponent("run.fit"))
        // A folder named like a file is a folder: what it holds is imported.
        try manager.copyItem(at: runFixture("xml/run.tcx"), to: watch.appendingPathComponent("dir.fit/inner.tcx"))
        #expect(mkfifo(watch.appendingPathComponent("fifo.fit").path, 0o644) == 0)
        let links = [
            ("loop.gpx", "loop.gpx"), ("gone.tcx", "nowhere.tcx"), ("folder.gpx", "dir.fit"), ("zero.fit", "/dev/zero"),
            ("null.gpx", "/dev/null"),
        ]
        for (name, target) in links {
            try manager.createSymbolicLink(atPath: watch.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let reports = try importer().importFiles(at: [watch.path], missingIsFailure: true)
        expectOneLineEach(reports)
        #expect(failure(reports, "fifo.fit") == "a FIFO, not a file")
        #expect(failure(reports, "loop.gpx") == "a symbolic link that loops")
        #expect(failure(reports, "gone.tcx") == "a symbolic link to nothing")
        #expect(failure(reports, "folder.gpx") == "a symbolic link to a folder (not followed)")
        #expect(failure(reports, "zero.fit") == "a symbolic link to a character device, not a file")
        #expect(failure(reports, "null.gpx") == "a symbolic link to a character device, not a file")
        #expect(
            try log.runs().compactMap { ($0.sourceFile as NSString?)?.lastPathComponent }.sorted() == ["inner.tcx", "run.fit"])
        // Typed in rather than found in a folder, they say the same.
        let typed = try importer().importFiles(
            at: ["fifo.fit", "loop.gpx", "zero.fit"].map { watch.appendingPathComponent($0).path }, missingIsFailure: true)
        #expect(
            typed.map(\.status) == [
                .failed("a FIFO, not a file"), .failed("a symbolic link that loops"),
                .failed("a symbolic link to a character device, not a file"),
            ])
    }

    @Test func anObjectSwappedInAfterTheScanIsJudgedWhenItIsOpened() throws {
        // The reader checks what it opened, not what a stat saw before: a FIFO there cannot hang it.
        let path = folder.path("swapped.gpx")
        #expect(mkfifo(path, 0o644) == 0)
        let error = #expect(throws: RunFileError.self) {
            try RunFileReader.contents(of: URL(fileURLWithPath: path), format: #require(RunFileFormat(fileName: path)))
        }
        #expect(error?.message == "a FIFO, not a file")
        let device = #expect(throws: RunFileError.self) {
            try RunFileBytes.read(path: "/dev/zero", limit: 1 << 20)
        }
        #expect(device?.message == "a character device, not a file")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file whatever its mode"))
    func unreadableFilesAndFoldersAreOneLineEach() throws {
        let watch = folder.url.appendingPathComponent("watch")
        try FileManager.default.createDirectory(at: watch.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: runFixture("run.fit"), to: watch.appendingPathComponent("secret.fit"))
        try FileManager.default.copyItem(at: runFixture("xml/run.tcx"), to: watch.appendingPathComponent("run.tcx"))
        #expect(chmod(watch.appendingPathComponent("secret.fit").path, 0) == 0)
        #expect(chmod(watch.appendingPathComponent("locked").path, 0) == 0)
        defer { chmod(watch.appendingPathComponent("locked").path, 0o755) }
        let reports = try importer().importFiles(at: [watch.path], missingIsFailure: true)
        expectOneLineEach(reports)
        #expect(failure(reports, "secret.fit") == "cannot read it: permission denied")
        #expect(failure(reports, "locked") == "cannot list the folder: permission denied")
        #expect(try log.runs().count == 1)
    }

    @Test func aFileRewrittenWhileItIsReadIsReadOrRefusedInOneLine() throws {
        // One thread keeps cutting, refilling and growing the file while the importer reads it:
        // whatever bytes a read sees, the answer is an import, a skip or a one-line failure.
        let source = try Data(contentsOf: runFixture("xml/run_phone.gpx"))
        let path = folder.path("busy.gpx")
        try source.write(to: URL(fileURLWithPath: path))
        let stop = Flag()
        let writer = Thread {
            var round = 0
            while !stop.isSet {
                let descriptor = open(path, O_WRONLY | O_CLOEXEC)
                if descriptor >= 0 {
                    switch round % 3 {
                    case 0: ftruncate(descriptor, off_t(round % source.count))
                    case 1: _ = source.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
                    default: _ = source.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(source.count)) }
                    }
                    close(descriptor)
                }
                round += 1
            }
            stop.done()
        }
        writer.start()
        var reports: [RunImporter.FileReport] = []
        for _ in 0..<200 {
            reports += try importer().importFiles(at: [path], missingIsFailure: true)
        }
        stop.set()
        stop.waitUntilDone()
        expectOneLineEach(reports.enumerated().map { RunImporter.FileReport(path: "\($0)", status: $1.status, activities: []) })
        #expect(reports.count == 200)
    }
}

/// A stop flag and a done signal shared with the writer thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private let finished = DispatchSemaphore(value: 0)

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    func done() { finished.signal() }
    func waitUntilDone() { finished.wait() }
}
