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

    /// The largest index file read; a larger one is ignored.
    static let maximumFileSize = 1 << 20
    private static let magic = "limber-remind-index"

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
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maximumFileSize else {
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        return decode(bytes)
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
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline <= 200 else { return nil }
        // Split by bytes, not characters: the separators are ASCII, which no UTF-8 sequence
        // holds, and splitting a String compares every character by grapheme.
        let space = UInt8(ascii: " ")
        let header = bytes[..<newline].split(separator: space).map { String(decoding: $0, as: UTF8.self) }
        let body = bytes[(newline + 1)...]
        guard header.count == 3, header[0] == magic, header[1] == "\(version)", header[2] == SHA256.hex(body) else {
            return nil
        }
        var lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard lines.last?.isEmpty == true else { return nil }
        lines = lines.dropLast()
        func words(_ line: ArraySlice<UInt8>?) -> [String] {
            (line ?? []).split(separator: space, omittingEmptySubsequences: false).map { unescape($0) }
        }
        let keyLine = words(lines.popFirst())
        let countLine = words(lines.popFirst())
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
        for line in lines {
            let fields = words(line)
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

    /// A word with `%`, space and newline written `%25`, `%20`, `%0A`.
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "%"): bytes += Array("%25".utf8)
            case UInt8(ascii: " "): bytes += Array("%20".utf8)
            case UInt8(ascii: "\n"): bytes += Array("%0A".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The word ``escape(_:)`` wrote, read in one pass (any other `%` stays as it is).
    private static func unescape(_ word: ArraySlice<UInt8>) -> String {
        let percent = UInt8(ascii: "%")
        guard word.contains(percent) else { return String(decoding: word, as: UTF8.self) }
        var bytes: [UInt8] = []
        var rest = word
        while let byte = rest.popFirst() {
            if byte == percent, rest.count >= 2 {
                let decoded: UInt8? =
                    switch (rest[rest.startIndex], rest[rest.startIndex + 1]) {
                    case (UInt8(ascii: "2"), UInt8(ascii: "5")): percent
                    case (UInt8(ascii: "2"), UInt8(ascii: "0")): UInt8(ascii: " ")
                    case (UInt8(ascii: "0"), UInt8(ascii: "A")): UInt8(ascii: "\n")
                    default: nil
                    }
                if let decoded {
                    bytes.append(decoded)
                    rest = rest.dropFirst(2)
                    continue
                }
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: writing

    /// The file's bytes: the header, then the lines.
    func encoded() -> [UInt8]? {
        var text = "key \(Self.escape(key))\nplugins \(count) \(plugins == nil ? "apart-no" : "apart-yes")\n"
        for plugin in plugins ?? [] {
            text += "plugin always=\(plugin.always ? 1 : 0) alone=\(plugin.alone ? 1 : 0)\n"
            for definition in plugin.defines { text += "define \(Self.escape(definition))\n" }
            for item in plugin.reminders {
                let window = item.window.map { "\($0)" } ?? "-"
                text += "reminder \(Self.escape(item.id)) \(window) \(Self.escape(item.schedule))\n"
            }
        }
        let body = Array(text.utf8)
        return Array("\(Self.magic) \(Self.version) \(SHA256.hex(body))\n".utf8) + body
    }

    /// Writes the index: to a file of its own beside `url`, then renamed over it, so a reader (or
    /// a run at the same time) sees the old index or the new one, never a mix. Failing to write
    /// is not an error: the index is only a shortcut.
    package func write(to url: URL) {
        guard let bytes = encoded() else { return }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        var offset = 0
        var failed = false
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failed = true
                    return
                }
                offset += written
            }
        }
        close(descriptor)
        if failed || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }
}
