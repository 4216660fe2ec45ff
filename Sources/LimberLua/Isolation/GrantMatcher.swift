import Foundation
import LimberCore

/// Which of config.lua's grants apply to one plugin file, by its resolved path.
///
/// A grant names a file (symlinks resolved on both sides), optionally pinned by the entry
/// file's SHA-256; a bare name covers only the plugin of that name in the user's own plugin
/// folder. A grant that names this plugin but does not hold (a same-named file elsewhere, a
/// changed file) grants nothing and says why in `note`.
struct GrantMatcher {
    let grants: [PluginGrant]
    /// The user's own plugin folder, the only place bare-name grants reach.
    let userFolder: URL

    /// What the grants give a plugin.
    struct Match: Equatable {
        var capabilities: [String] = []
        /// The resolved entry file the capabilities were granted to.
        var file: String?
        /// Why a grant that names this plugin did not apply.
        var note: String?
    }

    func match(_ plugin: PluginFile) -> Match {
        var result = Match()
        guard !grants.isEmpty, let entry = Self.resolved(plugin.entry.path) else { return result }
        var content: String?
        for grant in grants {
            switch grant.target {
            case .path(let path):
                guard Self.entry(of: path) == entry else { continue }
            case .name(let name):
                guard name == plugin.name else { continue }
                let own = [
                    Self.resolved(userFolder.appendingPathComponent(name + ".lua").path),
                    Self.resolved(userFolder.appendingPathComponent(name).appendingPathComponent("init.lua").path),
                ]
                guard own.contains(entry) else {
                    result.note =
                        "config.lua grants '\(name)' by name, which covers only \(userFolder.path)/\(name); "
                        + "grant this file by its path: [\"\(entry)\"] = { \"\(grant.capabilities.first ?? "exec")\" }"
                    continue
                }
            }
            if let pinned = grant.sha256 {
                if content == nil {
                    content = FileManager.default.contents(atPath: entry).map { SHA256.hex($0) } ?? ""
                }
                guard content == pinned else {
                    result.note =
                        "the grant for \(entry) is pinned to sha256 \(pinned), but the file's is \(content ?? "unreadable"); not granted"
                    continue
                }
            }
            result.file = entry
            for capability in grant.capabilities where !result.capabilities.contains(capability) {
                result.capabilities.append(capability)
            }
        }
        if result.file != nil { result.note = nil }
        return result
    }

    /// The resolved entry a grant's path names: the file, or a folder's `init.lua`.
    static func entry(of path: String) -> String? {
        guard let resolved = resolved(path) else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
            return Self.resolved(resolved + "/init.lua")
        }
        return resolved
    }

    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
