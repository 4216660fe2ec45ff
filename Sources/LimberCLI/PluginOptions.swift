import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// The options every command that loads plugins shares.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp("Also load plugins from this folder (repeatable).", valueName: "dir"))
    var folders: [String] = []

    /// The folders to load, in order: shipped, the user's, then `--plugins`.
    func pluginFolders(paths: LimberPaths) -> [URL] {
        var folders: [URL] = []
        if let shipped = PluginLoader.shippedPluginFolder() { folders.append(shipped) }
        folders.append(paths.plugins)
        folders += self.folders.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return folders
    }

    /// A host with every plugin loaded; each plugin that failed is one line on stderr.
    func makeHost(paths: LimberPaths = .resolve()) throws -> (host: LimberHost, reports: [PluginReport]) {
        let host: LimberHost
        do {
            host = try LimberHost(paths: paths)
        } catch {
            throw LimberFailure("cannot start Lua: \(error.message)")
        }
        do {
            host.config = try ConfigFile.load(from: paths.configFile, into: host.lua)
        } catch {
            throw LimberFailure(error.message)
        }
        let reports = PluginLoader(host: host).load(folders: pluginFolders(paths: paths))
        for report in reports {
            if case .failed(let message) = report.status {
                Terminal.standardError.write("limber: plugin \(report.plugin.name) failed: \(message)\n")
            }
        }
        return (host, reports)
    }
}
