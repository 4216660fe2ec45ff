import ArgumentParser
import Foundation
import LimberCore

/// `limber runs import PATH...`: runs from activity files and folders into the log.
struct RunsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import runs from .fit, .fit.gz, .gpx and .tcx files, or folders of them (recursively).",
        discussion: """
            Each running activity (running, trail, treadmill; each running leg of a multisport \
            file) becomes a run in the log, with its start, elapsed time and distance. Rides, \
            walks, swims and other sports, and files with no activity in them (settings, \
            monitoring, courses), are skipped; --verbose or --json says why. Importing the same \
            files again adds nothing, and the same run from two files (starts within two minutes, \
            similar durations) is logged once. A file that cannot be read is one line on stderr \
            and exit code 1; the other files are still imported.
            """
    )

    @Argument(help: ArgumentHelp("Files or folders.", valueName: "path"))
    var paths: [String]

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Treat activities whose file names no sport (GPX without a type, TCX 'Other') as this.", valueName: "run"))
    var assumed: String?

    @Flag(name: .shortAndLong, help: "Also say why each file or activity was skipped.")
    var verbose = false

    @Flag(help: "Print what happened to each file as JSON.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Read every file and say what would be imported; write nothing.")
    var dryRun = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if let assumed, assumed != "run" { throw ValidationError("--as takes only 'run'") }
    }

    func run() throws {
        let now = try CommandLog.now()
        let log = try CommandLog.open()
        var importer = RunImporter(log: log, timeZone: CommandLog.timeZone)
        importer.assumeRun = assumed == "run"
        importer.now = { now }
        importer.dryRun = dryRun
        let reports = try CommandLog.perform { try importer.importFiles(at: paths, missingIsFailure: true) }
        try Self.finish(reports, json: json, verbose: verbose, dryRun: dryRun)
    }

    /// Prints the reports and exits 1 when any file failed.
    static func finish(_ reports: [RunImporter.FileReport], json: Bool, verbose: Bool, dryRun: Bool = false) throws {
        let failed = reports.contains(where: \.failed)
        if json {
            print(try JSONOutput.string(RunText.JSONImport(reports)))
        } else {
            RunText.printReports(reports, verbose: verbose, dryRun: dryRun)
        }
        if failed { throw LimberFailure("", exitCode: 1) }
    }
}
