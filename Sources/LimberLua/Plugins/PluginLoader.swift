import Foundation
import LimberCore

/// Loads plugins into a host, each in its own sandboxed environment; one plugin's failure
/// never stops the rest.
package struct PluginLoader {
    /// Where shipped plugins live: `LIMBER_SHIPPED_PLUGINS` (empty for none), else
    /// `share/limber/plugins` beside the executable's prefix, else the `plugins/` folder of the
    /// source tree the executable was built in (for `swift run` and `.build/debug/limber`).
    package static func shippedPluginFolder(
        environment: [String: String] = ProcessEnvironment.current,
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "limber")
    ) -> URL? {
        let manager = FileManager.default
        if let explicit = environment["LIMBER_SHIPPED_PLUGINS"] {
            return explicit.isEmpty ? nil : URL(fileURLWithPath: explicit, isDirectory: true)
        }
        let binary = URL(fileURLWithPath: Self.executablePath(fallback: executable.path)).resolvingSymlinksInPath()
        var folder = binary.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/limber/plugins")
        if manager.fileExists(atPath: installed.path) { return installed }
        while folder.path != "/" && !folder.path.isEmpty {
            let candidate = folder.appendingPathComponent("plugins", isDirectory: true)
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: candidate.path)
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The running executable's path (`/proc/self/exe` on Linux), else `fallback`.
    private static func executablePath(fallback: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? fallback
    }

    let host: LimberHost

    package init(host: LimberHost) { self.host = host }

    /// Loads every plugin of every folder, in order; returns one report per plugin.
    package func load(folders: [URL]) -> [PluginReport] {
        folders.flatMap(PluginFile.discover(in:)).map(load)
    }

    /// Loads one plugin and reports what happened. A plugin that fails (an error, or its CPU
    /// budget spent) leaves nothing it defined behind: exercises, routines, progressions,
    /// reminders and hooks are as they were before it ran.
    package func load(_ plugin: PluginFile) -> PluginReport {
        let before = host.definitions.count
        let snapshot = host.snapshotDefinitions()
        let needs = plugin.needs()
        let grant = GrantMatcher(grants: host.config.config.grants, userFolder: host.paths.plugins).match(plugin)
        let granted = needs.filter { grant.capabilities.contains($0) }
        var report = PluginReport(plugin: plugin, status: .loaded, needs: needs, granted: granted)
        report.grantedFile = grant.file
        report.grantNote = grant.note
        host.currentSource = plugin.displayPath
        defer { host.currentSource = nil }
        do {
            let chunk = try host.lua.load(file: plugin.displayPath)
            let folder: LuaValue = plugin.moduleFolder.map { .string(PluginFile.displayPath(of: $0)) } ?? .nil
            let runner = try host.pluginRunner()
            let arguments: [LuaValue] = [
                chunk, .string(plugin.name), folder, .table(LuaTable(array: granted.map { .string($0) })),
                host.config.settings[plugin.name] ?? .table(LuaTable()),
            ]
            try host.during(.load) { () throws(LuaError) in
                try HostPrint.withPluginPrint(host) { () throws(LuaError) in
                    try host.lua.inSandbox { () throws(LuaError) -> [LuaValue] in
                        try host.lua.call(runner, arguments, cpuLimit: host.pluginCPULimit, owner: plugin.displayPath)
                    }
                }
            }
        } catch {
            // Memory errors carry no position; every report names its file.
            let message = error.message
            report.status = .failed(
                PluginErrorText.clean(
                    message.contains(plugin.displayPath) ? message : "\(plugin.displayPath): \(message)"))
            host.restoreDefinitions(snapshot)
        }
        report.defines = Array(host.definitions[before...])
        if case .failed = report.status {
            // What the failed plugin held goes before the next one loads (a plugin that filled
            // the heap must not leave the next one "not enough memory").
            _ = try? host.lua.run("collectgarbage('collect') collectgarbage('collect')", chunkName: "=limber.gc", cpuLimit: 1)
        }
        return report
    }
}
