import Foundation
import LimberCore

/// Runs and import results as people and scripts read them: plain lines, or JSON.
enum RunText {
    /// A run as `limber runs --json` prints it.
    struct JSONRun: Encodable {
        var startedAt: String
        var endedAt: String?
        var seconds: Int64?
        var distanceM: Double?
        var sport: String?
        var source: String?
        /// How the run reached the log: `import`, `manual` or `script` (the session's source).
        var origin: String

        init(_ run: RunRecord) {
            startedAt = ISOStamp.string(run.session.startedAt)
            endedAt = run.session.endedAt.map(ISOStamp.string)
            seconds = run.seconds
            distanceM = run.distance.map { ($0 * 10).rounded() / 10 }
            sport = run.sport ?? "running"
            source = run.sourceFile
            origin = run.session.source.rawValue
        }

        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at", endedAt = "ended_at", seconds, distanceM = "distance_m", sport, source, origin
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(startedAt, forKey: .startedAt)
            try container.encode(endedAt, forKey: .endedAt)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(distanceM, forKey: .distanceM)
            try container.encode(sport, forKey: .sport)
            try container.encode(source, forKey: .source)
            try container.encode(origin, forKey: .origin)
        }
    }

    /// `{"runs": [...]}`.
    struct JSONRuns: Encodable {
        var runs: [JSONRun]
    }

    /// One file's import result in `limber runs import --json`.
    struct JSONFile: Encodable {
        var path: String
        var status: String
        var reason: String?
        var runs: [JSONRun]
        /// Why each activity of the file that was not imported was passed over.
        var skipped: [String]

        init(_ report: RunImporter.FileReport) {
            path = report.path
            switch report.status {
            case .imported: status = "imported"
            case .skipped(let why): status = "skipped"; reason = why
            case .unchanged: status = "unchanged"; reason = "read before, unchanged since"
            case .failed(let problem): status = "failed"; reason = problem
            }
            runs = report.runs.map(JSONRun.init)
            skipped = report.activities.compactMap { if case .skipped(let why) = $0 { why } else { nil } }
        }
    }

    struct JSONImport: Encodable {
        var files: [JSONFile]
        var imported: Int
        var skipped: Int
        var unchanged: Int
        var failed: Int

        init(_ reports: [RunImporter.FileReport]) {
            files = reports.map(JSONFile.init)
            imported = reports.reduce(0) { $0 + $1.runs.count }
            skipped = files.filter { $0.status == "skipped" }.count
            unchanged = files.filter { $0.status == "unchanged" }.count
            failed = files.filter { $0.status == "failed" }.count
        }
    }

    /// `Mon 2026-03-09 07:00  47 min  8.20 km  trail_running  /path/run.fit`
    static func line(_ run: RunRecord) -> String {
        var cells = [CommandLog.dayLabel(run.session.day) + " " + CommandLog.clock(run.session.startedAt)]
        cells.append(duration(run.seconds).padding(toLength: 8, withPad: " ", startingAt: 0))
        cells.append(
            (run.distance.map { String(format: "%.2f km", $0 / 1000) } ?? "").padding(toLength: 9, withPad: " ", startingAt: 0))
        cells.append((run.sport ?? "running").padding(toLength: 17, withPad: " ", startingAt: 0))
        cells.append(visible(run.sourceFile ?? origin(run.session.source)))
        return cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }

    /// How a run without a file reached the log, in words.
    static func origin(_ source: LoggedSession.Source) -> String {
        switch source {
        case .imported: "imported"
        case .script: "logged by a script"
        case .guided, .manual: "logged by hand"
        }
    }

    /// `2 imported from files, 1 logged by hand`: runs by how they reached the log.
    static func sources(_ counts: [String: Int]) -> String {
        let words = [
            "import": "imported from files", "manual": "logged by hand", "script": "logged by scripts", "guided": "guided",
        ]
        let parts = counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            "\($0.value) \(words[$0.key] ?? $0.key)"
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `47 min`, `1 h 25 min`.
    static func duration(_ seconds: Int64?) -> String {
        guard let seconds else { return "" }
        let minutes = Int((Double(seconds) / 60).rounded())
        return minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
    }

    /// Text from a file or file name with control characters made visible (`\u{1B}` prints as
    /// `\u{1b}`), so a hostile name cannot drive the terminal; `--json` keeps text exact.
    static func visible(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                output += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Prints what an import did: each run imported, each failure (stderr), with `verbose` each
    /// skip, then a summary line unless `quiet`.
    static func printReports(_ reports: [RunImporter.FileReport], verbose: Bool, quiet: Bool = false, dryRun: Bool = false) {
        let verb = dryRun ? "to import" : "imported"
        for report in reports {
            let path = visible(report.path)
            switch report.status {
            case .failed(let problem):
                Terminal.standardError.write("limber: \(path): \(visible(problem))\n")
            case .imported:
                if !quiet { for run in report.runs { print((dryRun ? "would import  " : "imported  ") + line(run)) } }
                if verbose {
                    for case .skipped(let why) in report.activities { print("skipped   \(path): one activity: \(visible(why))") }
                }
            case .skipped(let why):
                if verbose { print("skipped   \(path): \(visible(why))") }
            case .unchanged:
                if verbose { print("unchanged \(path)") }
            }
        }
        guard !quiet else { return }
        let summary = JSONImport(reports)
        var parts = ["\(CommandLog.count(summary.imported, "run")) \(verb) from \(CommandLog.count(reports.count, "file"))"]
        if summary.skipped > 0 { parts.append("\(summary.skipped) skipped") }
        if summary.unchanged > 0 { parts.append("\(summary.unchanged) unchanged") }
        if summary.failed > 0 { parts.append("\(summary.failed) failed") }
        var text = parts.joined(separator: ", ")
        if summary.skipped > 0 && !verbose { text += " (--verbose says why)" }
        print(text)
    }
}

/// `2026-03-09T07:00:00Z`: whole seconds, UTC.
enum ISOStamp {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
