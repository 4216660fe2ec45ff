import ArgumentParser
import Foundation
import LimberCore

/// `limber runs scan`: imports new files from the watched folders of config.lua.
struct RunsScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Import new and changed files from the watched folders (runs = { folders = {...} } in config.lua).",
        discussion: """
            A folder that is missing (a watch that is not plugged in) is skipped silently. Files \
            read before with the same size and modification time are not read again. \
            `limber remind` does the same before it evaluates reminders.
            """
    )

    @Flag(name: .shortAndLong, help: "Also say why each file was skipped.")
    var verbose = false

    @Flag(help: "Print what happened to each file as JSON.")
    var json = false

    func run() throws {
        let environment = ProcessEnvironment.current
        let paths = LimberPaths.resolve(environment: environment)
        let host = try PluginOptions.bareHost(paths: paths)
        let folders = WatchedRunFolders.folders(host.config.config, environment: environment)
        if folders.isEmpty && !json {
            print("no watched folders; add runs = { folders = { \"~/Garmin/Activity\" } } to \(paths.configFile.path)")
            return
        }
        let now = try CommandLog.now()
        let log = try CommandLog.open(paths: paths)
        let reports = try CommandLog.perform {
            try WatchedRunFolders.scan(
                host.config.config, environment: environment, log: log, timeZone: CommandLog.timeZone, now: now)
        }
        try RunsImportCommand.finish(reports, json: json, verbose: verbose)
    }
}
