import Foundation
import LimberCore

/// The parts of `config.lua` about reaching the person: `cues`, `sounds` and `remind`.
extension ConfigFile {
    /// The fields this file reads, taken out of the table before the rest is decoded.
    static let reachKeys = ["cues", "sounds", "remind"]

    /// Reads `cues`, `sounds` and `remind` into `config`; `path` names the file in errors.
    static func readReach(_ fields: [String: LuaValue], into config: inout LimberConfig, path: String) throws(LuaError) {
        do throws(LuaError) {
            if let cues = fields["cues"], !cues.isNil { config.cues = try CueSettings(lua: cues, in: "cues") }
            if let sounds = fields["sounds"], !sounds.isNil { config.sounds = try readSounds(sounds) }
            if let remind = fields["remind"], !remind.isNil { config.remind = try readRemind(remind) }
        } catch {
            throw .conversion("\(path): \(error.message)")
        }
    }

    /// `sounds = { tick = "~/click.wav" }`: a WAV file per built-in sound; `~/` is the home folder.
    static func readSounds(_ value: LuaValue) throws(LuaError) -> [CueSound: String] {
        guard case .table(let table) = value else {
            throw .conversion("field 'sounds': expected a table such as { tick = \"~/click.wav\" }, got \(value.typeName)")
        }
        var sounds: [CueSound: String] = [:]
        for (key, entry) in table.sortedEntries {
            guard case .string(let name) = key, let sound = CueSound(rawValue: name.description) else {
                throw .conversion("unknown field 'sounds.\(key)' (sounds: \(CueSound.names))")
            }
            guard case .string(let file) = entry, !file.description.isEmpty else {
                throw .conversion("field 'sounds.\(name)': expected the path of a WAV file, got \(entry.typeName)")
            }
            sounds[sound] = expandHome(file.description)
        }
        return sounds
    }

    /// `remind = { deliver = ..., terminal = {...} }`.
    static func readRemind(_ value: LuaValue) throws(LuaError) -> RemindSettings {
        guard case .table(let table) = value else {
            throw .conversion("field 'remind': expected a table such as { deliver = \"desktop\" }, got \(value.typeName)")
        }
        var settings = RemindSettings()
        for (key, entry) in table.sortedEntries {
            switch key.description {
            case "deliver":
                settings.deliver = try readDeliver(entry)
            case "terminal":
                settings.terminal = try words(entry, field: "remind.terminal")
            default:
                throw .conversion("unknown field 'remind.\(key)' (remind takes: deliver, terminal)")
            }
        }
        return settings
    }

    private static func readDeliver(_ value: LuaValue) throws(LuaError) -> DeliveryBackend {
        switch value {
        case .string(let text) where text.description == "stdout": return .standardOutput
        case .string(let text) where text.description == "desktop": return .desktop
        case .table(let table):
            guard table.count == 1, !table["command"].isNil else {
                throw .conversion("field 'remind.deliver': expected { command = { \"program\", \"arg\", ... } }")
            }
            let command = try words(table["command"], field: "remind.deliver.command")
            return .command(RemindSettings.commandLine(command))
        default:
            throw .conversion(
                "field 'remind.deliver': expected \"stdout\", \"desktop\" or { command = {...} }, got \(value.typeName == "string" ? "'\(value.stringValue ?? "")'" : value.typeName)"
            )
        }
    }

    /// A non-empty list of strings.
    private static func words(_ value: LuaValue, field: String) throws(LuaError) -> [String] {
        guard case .table(let table) = value, let items = try? table.array(), !items.isEmpty else {
            throw .conversion("field '\(field)': expected a list of words such as { \"foot\", \"-e\" }")
        }
        var words: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let word) = item, !word.description.isEmpty else {
                throw .conversion("field '\(field)[\(index + 1)]': expected a non-empty string, got \(item.typeName)")
            }
            words.append(word.description)
        }
        return words
    }

    private static func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/") else { return path }
        let home = ProcessEnvironment.current["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + String(path.dropFirst(1))
    }
}
