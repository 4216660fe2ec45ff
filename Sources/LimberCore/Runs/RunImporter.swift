import Foundation

/// Imports runs from activity files and folders into the log: one transaction per file, the
/// scan cache consulted first so an unchanged file costs one `stat`.
package struct RunImporter {
    /// What came of one file.
    package struct FileReport: Sendable, Equatable {
        package enum Status: Sendable, Equatable {
            /// At least one run was written.
            case imported
            /// Nothing to import: why.
            case skipped(String)
            /// Read before with the same size and modification time.
            case unchanged
            /// The file could not be read: the problem.
            case failed(String)
        }

        package var path: String
        package var status: Status
        /// What came of each activity in it, in file order.
        package var activities: [SessionLog.ImportedActivity]

        package var runs: [RunRecord] {
            activities.compactMap { if case .imported(let run) = $0 { run } else { nil } }
        }

        /// Whether the file could not be read.
        package var failed: Bool {
            if case .failed = status { return true }
            return false
        }
    }

    /// Deeper than any watch or export nests its folders.
    package static let maximumDepth = 16

    package let log: SessionLog
    package let timeZone: TimeZone
    /// Activities whose file gives no sport are runs (`--as run`).
    package var assumeRun = false
    /// Read a file that failed before again even if it has not changed (`limber runs import`
    /// does, so an explicit import always names the problem; a scan stays quiet about it).
    package var retryFailures = true
    package var now: () -> Date = Date.init
    /// Read every file and say what would be imported; write nothing, not even the scan cache.
    package var dryRun = false

    package init(log: SessionLog, timeZone: TimeZone) {
        self.log = log
        self.timeZone = timeZone
    }

    /// Imports every activity file at `paths` (files, or folders searched recursively).
    ///
    /// A path that does not exist is a failure when `missingIsFailure` (paths typed in), and is
    /// passed over silently otherwise (a watched folder on a watch that is not plugged in).
    /// Throws only when the log itself fails; a file's problem is its report.
    package func importFiles(at paths: [String], missingIsFailure: Bool) throws -> [FileReport] {
        var cache = try log.runFileEntries()
        var reports: [FileReport] = []
        var seen = Set<String>()
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard let info = RunFileStat(path: absolute) else {
                if RunFileStat(path: absolute, follow: false) != nil {
                    // There is something there: a link that loops or leads nowhere.
                    reports.append(
                        FileReport(path: absolute, status: .failed(RunFileStat.oddity(path: absolute)), activities: []))
                } else if missingIsFailure {
                    reports.append(FileReport(path: absolute, status: .failed("no such file or folder"), activities: []))
                }
                continue
            }
            switch info.kind {
            case .folder:
                for (file, entry) in Self.files(in: absolute) where seen.insert(file).inserted {
                    switch entry {
                    case .file(let stat):
                        reports.append(try importFile(file, stat: stat, format: RunFileFormat(fileName: file), cache: &cache))
                    case .odd(let problem):
                        reports.append(FileReport(path: file, status: .failed(problem), activities: []))
                    }
                }
            case .file:
                guard seen.insert(absolute).inserted else { continue }
                guard let format = RunFileFormat(fileName: absolute) else {
                    reports.append(
                        FileReport(
                            path: absolute, status: .failed("not a .fit, .gpx or .tcx file (gzipped or not)"), activities: []))
                    continue
                }
                reports.append(try importFile(absolute, stat: info, format: format, cache: &cache))
            case .other:
                reports.append(FileReport(path: absolute, status: .failed(RunFileStat.oddity(path: absolute)), activities: []))
            }
        }
        return reports
    }

    private func importFile(
        _ path: String, stat: RunFileStat, format: RunFileFormat?, cache: inout [String: RunFileEntry]
    ) throws -> FileReport {
        guard let format else { return FileReport(path: path, status: .failed("not an activity file"), activities: []) }
        if !dryRun, let known = cache[path], known.size == stat.size, known.modified == stat.modified {
            // A skipped file is read again with --as run (it may hold a run without a sport).
            switch known.outcome {
            case .imported: return FileReport(path: path, status: .unchanged, activities: [])
            case .skipped where !assumeRun: return FileReport(path: path, status: .unchanged, activities: [])
            case .failed where !retryFailures: return FileReport(path: path, status: .unchanged, activities: [])
            default: break
            }
        }
        let contents: FileContents
        do {
            contents = try RunFileReader.contents(of: URL(fileURLWithPath: path), format: format)
        } catch {
            let entry = RunFileEntry(size: stat.size, modified: stat.modified, outcome: .failed, detail: error.message)
            if !dryRun { try log.saveRunFileEntry(entry, path: path, now: now()) }
            cache[path] = entry
            return FileReport(path: path, status: .failed(error.message), activities: [])
        }
        switch contents {
        case .noActivity(let reason):
            let entry = RunFileEntry(size: stat.size, modified: stat.modified, outcome: .skipped, detail: reason)
            if !dryRun { try log.saveRunFileEntry(entry, path: path, now: now()) }
            cache[path] = entry
            return FileReport(path: path, status: .skipped(reason), activities: [])
        case .activities(let activities):
            let entry = RunFileEntry(size: stat.size, modified: stat.modified, outcome: .skipped, detail: nil)
            let results = try log.importRuns(
                activities, file: path, entry: entry, assumeRun: assumeRun, timeZone: timeZone, now: now(), dryRun: dryRun)
            cache[path] = entry
            let reasons = results.compactMap { if case .skipped(let reason) = $0 { reason } else { nil } }
            if results.contains(where: { if case .imported = $0 { true } else { false } }) {
                return FileReport(path: path, status: .imported, activities: results)
            }
            let reason = reasons.count == 1 ? reasons[0] : Self.summary(of: reasons)
            return FileReport(path: path, status: .skipped(reason), activities: results)
        }
    }

    /// `3 activities, none a run: a cycling activity, not a run; ...`
    static func summary(of reasons: [String]) -> String {
        var unique: [String] = []
        for reason in reasons where !unique.contains(reason) { unique.append(reason) }
        return "\(reasons.count) activities, none imported: " + unique.joined(separator: "; ")
    }

    /// What a folder holds under an activity file's name: a file to read, or something else,
    /// said in one line (a FIFO, a device, a link that loops or leads nowhere or to a folder, a
    /// folder that cannot be listed).
    enum Entry {
        case file(RunFileStat)
        case odd(String)
    }

    /// The activity files under `folder`, sorted by path, with their stat; hidden entries and
    /// symbolic links to folders are passed over (no loops), and anything else under an activity
    /// file's name is there with what it is.
    static func files(in folder: String, depth: Int = 0) -> [(String, Entry)] {
        guard depth < maximumDepth else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return [(folder, .odd("cannot list the folder: \(RunFileStat.listProblem(folder))"))]
        }
        var found: [(String, Entry)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let link = RunFileStat(path: path, follow: false) else { continue }
            switch link.kind {
            case .folder:
                found += files(in: path, depth: depth + 1)
            case .file:
                if RunFileFormat(fileName: name) != nil { found.append((path, .file(link))) }
            case .other:
                // A symbolic link to a file is read; one to a folder is not followed (no loops).
                guard RunFileFormat(fileName: name) != nil else { continue }
                if let target = RunFileStat(path: path), target.kind == .file {
                    found.append((path, .file(target)))
                } else {
                    found.append((path, .odd(RunFileStat.oddity(path: path))))
                }
            }
        }
        return found
    }
}
