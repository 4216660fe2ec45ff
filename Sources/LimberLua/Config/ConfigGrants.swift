import Foundation
import LimberCore

/// The `grants` field of config.lua, read into ``PluginGrant``s.
///
/// Two spellings: `["path or name"] = { "exec", sha256 = "..." }`, or a list entry
/// `{ path = "...", sha256 = "...", "exec" }`. Paths are made absolute here (`~/` is the home
/// folder, a relative path is under config.lua's folder); a bad entry is one line naming it.
enum ConfigGrants {
    static func parse(_ value: LuaValue, configFolder: URL, shownAs file: String) throws(LuaError) -> [PluginGrant] {
        if value.isNil { return [] }
        guard case .table(let table) = value else {
            throw .conversion("\(file): field 'grants': expected a table of grants, got \(value.typeName)")
        }
        var grants: [PluginGrant] = []
        for (key, entry) in table.sortedEntries {
            guard case .table(var fields) = entry else {
                throw .conversion(
                    "\(file): grant '\(key)': expected a list of capabilities such as { \"exec\" }, got \(entry.typeName)")
            }
            let target: PluginGrant.Target
            switch key {
            case .string(let text):
                target = PluginGrant.target(forKey: text.description)
            case .integer:
                guard case .string(let path) = fields["path"] else {
                    throw .conversion("\(file): grants[\(key)]: a listed grant needs path = \"...\"")
                }
                target = .path(path.description)
                fields["path"] = .nil
            default:
                throw .conversion("\(file): grant key '\(key)': expected a plugin path or name")
            }
            var sha256: String?
            switch fields["sha256"] {
            case .nil: break
            case .string(let hash):
                let hex = hash.description.lowercased()
                guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
                    throw .conversion("\(file): grant '\(target.shown)': sha256 must be 64 hex digits")
                }
                sha256 = hex
            case let other:
                throw .conversion("\(file): grant '\(target.shown)': sha256 must be a string, got \(other.typeName)")
            }
            fields["sha256"] = .nil
            let capabilities: [String]
            do {
                capabilities = try fields.array().map { capability throws(LuaError) in
                    guard case .string(let name) = capability else {
                        throw .conversion("capabilities are strings, got \(capability.typeName)")
                    }
                    return name.description
                }
            } catch {
                throw .conversion("\(file): grant '\(target.shown)': \(error.message)")
            }
            for capability in capabilities where PluginEnvironment.grantable[capability] == nil {
                let known = PluginEnvironment.grantable.keys.sorted().joined(separator: ", ")
                throw .conversion("\(file): grant '\(capability)' for plugin '\(target.shown)' is not one of \(known)")
            }
            grants.append(PluginGrant(absolute(target, configFolder: configFolder), capabilities: capabilities, sha256: sha256))
        }
        return grants
    }

    /// A path target made absolute: `~/x` under the home folder, `x` under config.lua's folder.
    static func absolute(_ target: PluginGrant.Target, configFolder: URL) -> PluginGrant.Target {
        guard case .path(let path) = target else { return target }
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessEnvironment.current["HOME"] ?? NSHomeDirectory()
            return .path(home + path.dropFirst())
        }
        if path.hasPrefix("/") { return .path(path) }
        return .path(configFolder.appendingPathComponent(path).standardizedFileURL.path)
    }
}

extension PluginGrant.Target {
    /// The key for messages.
    var shown: String {
        switch self {
        case .path(let path): path
        case .name(let name): name
        }
    }
}
