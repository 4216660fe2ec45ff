import Foundation
import LimberCore

/// Learns what each plugin's load touches, by loading every plugin again in a host of its own
/// whose globals are watched (`Lua/plugin_probe.lua`), and builds the ``ReminderIndex`` from
/// that and from the real load.
///
/// The probe decides only which plugins a later run may leave unloaded. What it cannot see
/// through (a load that behaves differently when watched) at worst leaves a plugin unloaded
/// whose real load would have defined something else: the definitions the index keeps are those
/// of the real load, and a plugin that is loaded is always loaded in full, with its real grants.
package enum ReminderIndexProbe {
    /// The probe's Lua, compiled into the binary.
    static let source = EmbeddedLua(name: "LimberLua/Lua/plugin_probe.lua", bytes: PackageResources.plugin_probe_lua)

    /// The limber functions a load may call and still be left unloaded: they only define, or
    /// read what plugins defined (so their answers are the same while the files are).
    static let definingFunctions: Set<String> = [
        "limber.reminder", "limber.routine", "limber.progression", "limber.on", "limber.catalogue.add",
        "limber.catalogue.all", "limber.catalogue.get", "limber.catalogue.find",
    ]

    /// The index for `host`, which loaded `plugins` (with `reports`) from files whose key was
    /// `key`. Probes the plugins in a host of its own (a plugin the probe cannot load is one
    /// that loads every time, with the others).
    package static func index(
        key: ReminderIndexKey, plugins: [PluginFile], host: LimberHost, reports: [PluginReport]
    ) -> ReminderIndex {
        var index = ReminderIndex(key: key, plugins: nil)
        guard reports.map(\.plugin) == plugins, reports.allSatisfy({ $0.status == .loaded }) else { return index }
        var seen = Set<String>()
        for report in reports {
            // Two plugins defining one id: which wins depends on both loading.
            for definition in Set(report.defines) {
                guard seen.insert(definition).inserted else { return index }
            }
        }
        let touched = touches(plugins, like: host)
        var records: [ReminderIndex.Plugin] = []
        for (position, report) in reports.enumerated() {
            let source = report.plugin.displayPath
            let reminders = host.reminders.entries.filter { $0.source == source }.map {
                ReminderIndex.Item(id: $0.reminder.id, schedule: $0.reminder.schedule.description, window: $0.reminder.window)
            }
            var record = ReminderIndex.Plugin(always: false, alone: true, defines: report.defines, reminders: reminders)
            if let probed = touched[position], probed.defines == report.defines {
                for name in probed.names where name != "limber.reminder" {
                    if !definingFunctions.contains(name) { record.always = true }
                    if name.hasPrefix("limber.") || name.hasPrefix("io.") || name.hasPrefix("os.execute")
                        || name.hasPrefix("os.getenv")
                    {
                        record.alone = false
                    }
                }
            } else {
                // Failed, or defined something else, under the probe: nothing is known of it.
                record.always = true
                record.alone = false
            }
            records.append(record)
        }
        index.plugins = records
        return index
    }

    /// What the probe saw one plugin's load do.
    struct Touches: Equatable {
        /// The watched names it reached (`os.time`, `limber.log.sessions`, `print`, ...).
        var names: Set<String>
        var defines: [String]
    }

    /// Loads `plugins` in a watched host with `host`'s paths, config and budget; per plugin, what
    /// its load touched, or nil where the probe's load failed.
    static func touches(_ plugins: [PluginFile], like host: LimberHost) -> [Touches?] {
        let failed = [Touches?](repeating: nil, count: plugins.count)
        let probe: LimberHost
        do {
            probe = try LimberHost(paths: host.paths, memoryLimit: host.lua.memoryLimit)
            probe.pluginCPULimit = host.pluginCPULimit
            probe.config = try ConfigFile.load(from: host.paths.configFile, into: probe.lua)
        } catch {
            return failed
        }
        let names = NameSet()
        let record = LuaValue.function(
            .host(
                HostFunction("record") { call in
                    if case .string(let name) = call.argument(1) { names.names.insert(name.description) }
                    return []
                }))
        do {
            guard let print = try probe.lua.run(source, [record]).first else { return failed }
            probe.sessions.pluginPrint = print
        } catch {
            return failed
        }
        let loader = PluginLoader(host: probe)
        return plugins.map { plugin in
            names.names = []
            let report = loader.load(plugin)
            guard report.status == .loaded else { return nil }
            return Touches(names: names.names, defines: report.defines)
        }
    }

    /// The names recorded while one plugin loads.
    private final class NameSet {
        var names = Set<String>()
    }
}
