import ArgumentParser
import Foundation
import LimberCore

/// `limber import FILE`: reads an export back; all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a file written by `limber export` (CSV or JSON); all of it or, if it is malformed, none of it.",
        discussion: """
            A malformed file is refused with the line of the first problem, and nothing is written. \
            Sessions already in the log (the same uuid) are left as they are, so importing a file \
            twice adds nothing.
            """
    )

    @Argument(help: ArgumentHelp("The file, or - for stdin.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp("csv or json (default: from the file name, else from its first character).", valueName: "csv|json"))
    var format: LogFormat?

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw LimberFailure("cannot read \(file)")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LimberFailure("\(file) is not UTF-8 text; nothing was imported")
        }
        var chosen = format
        if chosen == nil {
            let lowered = file.lowercased()
            if lowered.hasSuffix(".csv") { chosen = .csv } else if lowered.hasSuffix(".json") { chosen = .json }
        }
        let log = try CommandLog.open()
        let summary: ImportSummary
        do {
            summary = try log.importLog(text, format: chosen)
        } catch LogError.malformedFile(let line, let reason) {
            throw LimberFailure("\(file == "-" ? "stdin" : file):\(line): \(reason); nothing was imported")
        } catch {
            throw CommandLog.failure(error)
        }
        var line = "imported \(CommandLog.count(summary.sessions, "session")), \(CommandLog.count(summary.sets, "set"))"
        if summary.marks > 0 { line += ", \(CommandLog.count(summary.marks, "skip or rest day"))" }
        if summary.restWeekdays > 0 { line += ", \(CommandLog.count(summary.restWeekdays, "weekly rest day"))" }
        if summary.alreadyPresent > 0 { line += "; \(summary.alreadyPresent) already in the log, left as they were" }
        print(line)
    }
}
