import Foundation
import LimberCore

/// Everything a plugin's load can depend on that a reminder index must match: the limber binary,
/// the CPU budget, config.lua, and each plugin's files, in load order.
///
/// An index is used only when the key made now equals the one it was built with, so any edit,
/// addition, removal or rename of a plugin, its modules or config.lua (whose grants and settings
/// plugins see) rebuilds it.
package struct ReminderIndexKey: Equatable, Sendable {
    /// One plugin as discovered, with the stamps of the files its load may read.
    struct Plugin: Equatable, Sendable {
        var name: String
        /// The path its messages and `source` fields name (relative to the working directory
        /// when inside it).
        var displayPath: String
        /// The entry file, then (for a folder plugin) every file and folder under its folder.
        var files: [FileStamp]
    }

    /// The limber version and the binary's own stamp (path, size, time; not its hash).
    var limber: String
    /// `LIMBER_CPU_LIMIT` as set, which sets the seconds of CPU a plugin may use while it loads.
    var cpuLimit: String?
    var config: FileStamp
    var plugins: [Plugin]

    /// The SHA-256 of the key written out word by word, one line per field and per file: what
    /// an index keeps of the key it was built with.
    var digest: String {
        var text = CacheFile.line(["limber", limber]) + CacheFile.line(["cpu", cpuLimit]) + config.line
        for plugin in plugins {
            text += CacheFile.line(["plugin", plugin.name, plugin.displayPath])
            for file in plugin.files { text += file.line }
        }
        return SHA256.hex(Array(text.utf8))
    }

    /// The most entries stamped under one folder plugin's folder, and how deep.
    static let maximumEntries = 512
    static let maximumDepth = 8

    /// The key for loading `plugins` with `configFile` now; nil when a plugin is too large to
    /// stamp (such a configuration is never indexed).
    package static func current(
        plugins: [PluginFile], configFile: URL, environment: [String: String] = ProcessEnvironment.current
    ) -> ReminderIndexKey? {
        guard let config = FileStamp.of(configFile.path) else { return nil }
        var stamped: [Plugin] = []
        for plugin in plugins {
            guard let entry = FileStamp.of(plugin.entry.path) else { return nil }
            var files = [entry]
            if let folder = plugin.moduleFolder {
                guard let root = FileStamp.of(folder.path) else { return nil }
                files.append(root)
                var budget = maximumEntries
                guard stampTree(folder.path, depth: 0, budget: &budget, into: &files) else { return nil }
            }
            stamped.append(Plugin(name: plugin.name, displayPath: plugin.displayPath, files: files))
        }
        return ReminderIndexKey(
            limber: binary(), cpuLimit: environment["LIMBER_CPU_LIMIT"], config: config, plugins: stamped)
    }

    /// Stamps every entry below `folder`, sorted by name; false when there are too many or they
    /// go too deep. Folders reached through a symbolic link are stamped, not entered.
    private static func stampTree(_ folder: String, depth: Int, budget: inout Int, into files: inout [FileStamp]) -> Bool {
        guard depth < maximumDepth else { return false }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
        for name in names.sorted() {
            budget -= 1
            guard budget >= 0 else { return false }
            let path = folder + "/" + name
            guard let stamp = FileStamp.of(path) else { return false }
            files.append(stamp)
            if stamp.kind == .folder && stamp.link == nil {
                guard stampTree(path, depth: depth + 1, budget: &budget, into: &files) else { return false }
            }
        }
        return true
    }

    /// The running binary: its version, resolved path, size and modification time, so a rebuilt
    /// limber (whose API may differ) does not trust an index an older one made.
    static func binary() -> String {
        let stamp = FileStamp.metadata("/proc/self/exe")
        return "\(LimberVersion.string) \(stamp.resolved ?? "?") \(stamp.size) \(stamp.modified)"
    }
}
