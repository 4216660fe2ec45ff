import Foundation
import LimberCore

/// `config.lua`: a Lua chunk that returns a table, run with no API and no libraries.
///
/// ```lua
/// return {
///   safety_notice = false,
///   grants = { ["~/code/my-notifier.lua"] = { "exec", sha256 = "..." } },
///   settings = { ["hold-progression"] = { min_sessions = 4 } },
///   runs = { folders = { "~/Garmin/Activity" } },
/// }
/// ```
package struct ConfigFile {
    package var config: LimberConfig
    /// Per-plugin settings, handed to each plugin as its `settings` global.
    package var settings: [String: LuaValue]

    package init(config: LimberConfig = LimberConfig(), settings: [String: LuaValue] = [:]) {
        self.config = config
        self.settings = settings
    }

    private struct Fields: Decodable {
        var safety_notice: Bool?
        var runs: Runs?

        struct Runs: Decodable {
            var folders: [String]?
        }
    }

    /// Reads the file if it exists; a missing file is the defaults, a broken one an error naming it.
    package static func load(from url: URL, into lua: LuaState) throws(LuaError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: url.path) else { return ConfigFile() }
        let path = PluginFile.displayPath(of: url)
        let chunk = try lua.load(file: path)
        let isolate = try lua.run(
            "return function(chunk) return debug.setupvalue(chunk, 1, {}) and chunk() end", chunkName: "=limber.config")
        guard let run = isolate.first else { return ConfigFile() }
        let result = try lua.call(run, [chunk], cpuLimit: 1.0).first ?? .nil
        if result.isNil { return ConfigFile() }
        guard case .table(var table) = result else {
            throw .conversion("\(path): the config file must return a table, not a \(result.typeName)")
        }
        let settingsValue = table["settings"]
        table["settings"] = .nil
        var reach: [String: LuaValue] = [:]
        for key in reachKeys {
            reach[key] = table[key]
            table[key] = .nil
        }
        let grantsValue = table["grants"]
        table["grants"] = .nil
        let fields: Fields
        do {
            fields = try LuaValueDecoder().decode(Fields.self, from: .table(table))
        } catch {
            throw .conversion("\(path): \(error.message)")
        }
        var settings: [String: LuaValue] = [:]
        if !settingsValue.isNil {
            guard case .table(let perPlugin) = settingsValue else {
                throw .conversion("\(path): field 'settings': expected a table of plugin settings, got \(settingsValue.typeName)")
            }
            for (key, value) in perPlugin.entries {
                guard case .string(let name) = key, case .table = value else {
                    throw .conversion("\(path): field 'settings.\(key)': expected a table of settings for a plugin name")
                }
                settings[name.description] = value
            }
        }
        let grants = try ConfigGrants.parse(grantsValue, configFolder: url.deletingLastPathComponent(), shownAs: path)
        var config = LimberConfig(
            grants: grants, safetyNotice: fields.safety_notice ?? true,
            runFolders: fields.runs?.folders ?? [])
        try readReach(reach, into: &config, path: path)
        return ConfigFile(config: config, settings: settings)
    }
}
