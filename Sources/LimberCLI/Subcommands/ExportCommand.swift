import ArgumentParser
import Foundation
import LimberCore

/// `limber export`: the whole log as CSV or JSON, which `limber import` reads back.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole log as CSV or JSON (to stdout, or --output FILE).",
        discussion: """
            One record per line: sessions, each followed by its sets, skips, rest days and weekly \
            rest days. `limber import` reads either format back to the same records.
            """
    )

    @Option(help: ArgumentHelp("csv or json.", valueName: "csv|json"))
    var format: LogFormat = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        let log = try CommandLog.open()
        let handle: FileHandle
        var temporary: URL?
        if let output {
            // Write beside the target and move into place, so a failed export leaves no half file.
            let target = URL(fileURLWithPath: output)
            let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
            guard FileManager.default.createFile(atPath: partial.path, contents: nil),
                let file = try? FileHandle(forWritingTo: partial)
            else { throw LimberFailure("cannot write \(output)") }
            handle = file
            temporary = partial
        } else {
            handle = FileHandle.standardOutput
        }
        do {
            try CommandLog.perform { try log.export(format: format) { handle.write(Data($0.utf8)) } }
        } catch {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        if let temporary, let output {
            try? handle.close()
            do {
                if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
                try FileManager.default.moveItem(at: temporary, to: URL(fileURLWithPath: output))
            } catch {
                throw LimberFailure("cannot write \(output): \(error.localizedDescription)")
            }
        }
    }
}

extension LogFormat: ExpressibleByArgument {}
