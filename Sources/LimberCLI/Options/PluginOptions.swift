import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// The options every command that loads plugins shares.
struct PluginOptions: ParsableArguments {
    @Option(
        name: .customLong("plugins"), help: ArgumentHelp("Also load plugins from this folder (repeatable).", valueName: "dir"))
    var folders: [String] = []

    /// The folders to load, in order: shipped, the user's, then `--plugins`.
    func pluginFolders(paths: LimberPaths) -> [URL] {
        Self.pluginFolders(folders, paths: paths)
    }

    /// The folders to load with `extra` as the `--plugins` folders.
    static func pluginFolders(_ extra: [String], paths: LimberPaths) -> [URL] {
        var folders: [URL] = []
        if let shipped = PluginLoader.shippedPluginFolder() { folders.append(shipped) }
        folders.append(paths.plugins)
        folders += extra.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return folders
    }

    /// What Lua may hold in one limber process: plugins, scripts and the REPL together.
    static let memoryLimit = 512 << 20

    /// A host with the config read and no plugins loaded.
    static func bareHost(paths: LimberPaths) throws -> LimberHost {
        let host: LimberHost
        do {
            host = try LimberHost(paths: paths, memoryLimit: memoryLimit)
        } catch {
            throw LimberFailure("cannot start Lua: \(error.message)")
        }
        if let limit = cpuLimitOverride() { host.pluginCPULimit = limit }
        do {
            host.config = try ConfigFile.load(from: paths.configFile, into: host.lua)
        } catch {
            throw LimberFailure(error.message)
        }
        return host
    }

    /// `LIMBER_CPU_LIMIT`: seconds of CPU a plugin may use per load or call, instead of 1 (for
    /// trying a plugin under a tighter budget, and for tests).
    static func cpuLimitOverride(_ environment: [String: String] = ProcessEnvironment.current) -> Double? {
        guard let text = environment["LIMBER_CPU_LIMIT"], let seconds = Double(text), seconds > 0, seconds.isFinite else {
            return nil
        }
        return seconds
    }

    /// A host with every plugin loaded; each plugin that failed is one line on stderr.
    func makeHost(paths: LimberPaths = .resolve(), reportFailures: Bool = true) throws -> (
        host: LimberHost, reports: [PluginReport]
    ) {
        try Self.makeHost(folders: folders, paths: paths, reportFailures: reportFailures)
    }

    /// ``makeHost(paths:reportFailures:)`` with `folders` as the `--plugins` folders.
    static func makeHost(folders: [String], paths: LimberPaths, reportFailures: Bool = true) throws -> (
        host: LimberHost, reports: [PluginReport]
    ) {
        let host = try bareHost(paths: paths)
        let reports = PluginLoader(host: host).load(folders: pluginFolders(folders, paths: paths))
        if reportFailures { Self.reportFailures(reports) }
        return (host, reports)
    }

    /// A host whose plugins load on the first API call that may need them (see
    /// `LimberHost.deferPlugins`); each plugin that failed is one line on stderr, then.
    func makeDeferredHost(paths: LimberPaths = .resolve()) throws -> LimberHost {
        try Self.makeDeferredHost(folders: folders, paths: paths)
    }

    /// ``makeDeferredHost(paths:)`` with `folders` as the `--plugins` folders.
    static func makeDeferredHost(folders: [String], paths: LimberPaths = .resolve()) throws -> LimberHost {
        let host = try bareHost(paths: paths)
        host.deferPlugins { host in
            reportFailures(PluginLoader(host: host).load(folders: pluginFolders(folders, paths: paths)))
        }
        return host
    }

    private static func reportFailures(_ reports: [PluginReport]) {
        for report in reports {
            if case .failed(let message) = report.status {
                Terminal.standardError.write("limber: plugin \(report.plugin.name) failed: \(message.terminalSafeLines)\n")
            }
        }
    }
}
