import LimberCore

extension CueSettings {
    /// Settings from a Lua `cues` table (config.lua's, or a routine's); `table` names it in errors.
    init(lua value: LuaValue, in table: String) throws(LuaError) {
        guard case .table(let cues) = value else {
            throw .conversion("field '\(table)': expected a table such as { sound = true }, got \(value.typeName)")
        }
        var fields: [String: Value] = [:]
        for (key, entry) in cues.entries {
            guard case .string(let name) = key else {
                throw .conversion(
                    "field '\(table)': keys must be names (\(CueSettings.keys.joined(separator: ", "))), got \(key)")
            }
            switch entry {
            case .boolean(let flag): fields[name.description] = .boolean(flag)
            case .string(let text): fields[name.description] = .string(text.description)
            default: fields[name.description] = .other(entry.typeName)
            }
        }
        do throws(SoundError) {
            self = try CueSettings(fields: fields, in: table)
        } catch {
            throw .conversion(error.description)
        }
    }
}
