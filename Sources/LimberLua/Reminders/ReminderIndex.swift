import Foundation
import LimberCore

/// What `limber remind` learnt the last time it loaded every plugin: each plugin's reminders and
/// what its load touched, so that a run at which none of a plugin's reminders can be due does
/// not load that plugin, and a run at which none can be due loads no plugin at all.
///
/// It lives in `$XDG_CACHE_HOME/limber/remind-index` and is only ever a shortcut: it decides
/// which plugins to load, never what a loaded plugin may do (grants, budgets and the sandbox
/// come from config.lua and the loader, as always). A file that is missing, truncated, too
/// large, of another version, edited (its checksum no longer matches) or built from other files
/// (the digest of its ``ReminderIndexKey`` differs) is ignored and rebuilt after a run that loads
/// everything.
package struct ReminderIndex: Equatable, Sendable {
    /// One plugin, in load order, as its last full load and the probe (``ReminderIndexProbe``)
    /// found it.
    struct Plugin: Equatable, Sendable {
        /// Load it on every run: its load read the clock, random numbers, the memory count or the
        /// log, printed, touched a granted capability, or behaved differently under the probe.
        var always: Bool
        /// It may load without the other plugins: its load called no limber function but
        /// `limber.reminder`, and no due or message of it has asked for what plugins define.
        var alone: Bool
        /// What it defined, as `kind:id`; a load that defines anything else is not the same
        /// plugin, and the run loads every plugin instead.
        var defines: [String]
        var reminders: [Item]
    }

    /// One reminder as it decides whether its plugin is asked.
    struct Item: Equatable, Sendable {
        var id: String
        /// The schedule in its canonical spelling (parsed again when read).
        var schedule: String
        var window: Double?
    }

    static let version = 1
    /// The SHA-256 of the key of the files it was built from (``ReminderIndexKey/digest``).
    var key: String
    /// How many plugins there were, in load order.
    var count: Int
    /// Nil when the plugins cannot be loaded apart: one failed to load, or two defined the same
    /// `kind:id` (so which one wins depends on both loading).
    var plugins: [Plugin]?

    init(key: ReminderIndexKey, plugins: [Plugin]?) {
        self.key = key.digest
        count = key.plugins.count
        self.plugins = plugins
    }

    /// The index file of a cache folder.
    package static func file(in cache: URL) -> URL {
        cache.appendingPathComponent("remind-index")
    }

    private static let frame = CacheFile.Frame(magic: "limber-remind-index", version: version)

    /// The index file as a cache file: at most 1 MiB.
    static func cacheFile(_ url: URL) -> CacheFile {
        CacheFile(url: url, frame: frame, maximumSize: 1 << 20)
    }

    /// This index with the plugin at `position` (in load order) marked as one that loads only
    /// with the others (and, with `always`, on every run), after a run found it needs them.
    package func marking(_ position: Int, always: Bool) -> ReminderIndex {
        var marked = self
        guard let count = plugins?.count, position >= 0, position < count else { return self }
        marked.plugins?[position].alone = false
        if always { marked.plugins?[position].always = true }
        return marked
    }

    // MARK: reading

    /// The index at `url`, if it is one this limber wrote and its checksum holds; nil otherwise
    /// (missing, unreadable, truncated, too large, another version, edited).
    package static func read(from url: URL) -> ReminderIndex? {
        cacheFile(url).read().flatMap(decode(body:))
    }

    /// Decodes the file's bytes: a header line `limber-remind-index VERSION SHA256`, then the
    /// lines whose SHA-256 the header names:
    ///
    /// ```
    /// key 3f5a...                      the key's digest
    /// plugins 7                        how many plugins (or `plugins 7 apart-no`)
    /// plugin always=0 alone=1          each plugin in load order, then what it defined
    /// define reminder:cooldown
    /// reminder cooldown 21600 daily%2018:00      id, window (or -), schedule
    /// ```
    ///
    /// Words are percent-escaped (`%`, space, newline); any other line, or a line out of place,
    /// makes the file not an index.
    static func decode(_ bytes: [UInt8]) -> ReminderIndex? {
        frame.body(of: bytes).flatMap(decode(body:))
    }

    private static func decode(body: ArraySlice<UInt8>) -> ReminderIndex? {
        guard let split = CacheFile.lines(body) else { return nil }
        var lines = split.map { $0.map { CacheFile.unescape($0) } }[...]
        let keyLine = lines.popFirst() ?? []
        let countLine = lines.popFirst() ?? []
        guard keyLine.count == 2, keyLine[0] == "key", countLine.count == 3, countLine[0] == "plugins",
            let count = Int(countLine[1]), count >= 0, count <= 100_000
        else { return nil }
        var index = ReminderIndex(digest: keyLine[1], count: count)
        switch countLine[2] {
        case "apart-no":
            return lines.isEmpty ? index : nil
        case "apart-yes":
            break
        default:
            return nil
        }
        var plugins: [Plugin] = []
        for fields in lines {
            switch fields.first {
            case "plugin":
                guard fields.count == 3, let always = flag(fields[1], "always"), let alone = flag(fields[2], "alone") else {
                    return nil
                }
                plugins.append(Plugin(always: always, alone: alone, defines: [], reminders: []))
            case "define":
                guard fields.count == 2, !plugins.isEmpty else { return nil }
                plugins[plugins.count - 1].defines.append(fields[1])
            case "reminder":
                guard fields.count == 4, !plugins.isEmpty else { return nil }
                var window: Double?
                if fields[2] != "-" {
                    guard let seconds = Double(fields[2]) else { return nil }
                    window = seconds
                }
                plugins[plugins.count - 1].reminders.append(Item(id: fields[1], schedule: fields[3], window: window))
            default:
                return nil
            }
        }
        guard plugins.count == count else { return nil }
        index.plugins = plugins
        return index
    }

    private init(digest: String, count: Int) {
        key = digest
        self.count = count
        plugins = nil
    }

    private static func flag(_ text: String, _ name: String) -> Bool? {
        switch text {
        case name + "=1": true
        case name + "=0": false
        default: nil
        }
    }

    // MARK: writing

    /// The file's bytes: the header, then the lines.
    func encoded() -> [UInt8] {
        Self.frame.framed(body())
    }

    private func body() -> [UInt8] {
        let escape = CacheFile.escape(_:)
        var text = "key \(escape(key))\nplugins \(count) \(plugins == nil ? "apart-no" : "apart-yes")\n"
        for plugin in plugins ?? [] {
            text += "plugin always=\(plugin.always ? 1 : 0) alone=\(plugin.alone ? 1 : 0)\n"
            for definition in plugin.defines { text += "define \(escape(definition))\n" }
            for item in plugin.reminders {
                let window = item.window.map { "\($0)" } ?? "-"
                text += "reminder \(escape(item.id)) \(window) \(escape(item.schedule))\n"
            }
        }
        return Array(text.utf8)
    }

    /// Writes the index (see ``CacheFile/write(_:)``); failing to write is not an error: the
    /// index is only a shortcut.
    package func write(to url: URL) {
        Self.cacheFile(url).write(body())
    }
}
