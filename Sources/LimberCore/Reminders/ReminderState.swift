import Foundation

/// What `limber remind` has delivered: per reminder id, the scheduled time it last delivered
/// and when. Kept as a small JSON file under the state folder, replaced atomically.
package struct ReminderState: Sendable, Equatable {
    /// One reminder's last delivery.
    package struct Entry: Sendable, Equatable {
        /// The scheduled time whose period was delivered.
        package var occurrence: Date
        /// When it was delivered.
        package var firedAt: Date

        package init(occurrence: Date, firedAt: Date) {
            self.occurrence = occurrence
            self.firedAt = firedAt
        }
    }

    package var entries: [String: Entry]
    /// Reminders put off with `limber remind --snooze`: each is held back until its time, then
    /// delivered again if it is still due.
    package var snoozes: [String: Date]

    package init(entries: [String: Entry] = [:], snoozes: [String: Date] = [:]) {
        self.entries = entries
        self.snoozes = snoozes
    }

    /// Puts a reminder off until `until`.
    package mutating func snooze(_ id: String, until: Date) {
        snoozes[id] = until
    }

    /// The state file in a state folder.
    package static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("reminders.json")
    }

    /// Records that a reminder's period was delivered.
    package mutating func record(_ id: String, occurrence: Date, firedAt: Date) {
        entries[id] = Entry(occurrence: occurrence, firedAt: firedAt)
        snoozes[id] = nil
    }

    // MARK: file

    private struct File: Codable {
        struct Item: Codable {
            var occurrence: Int64
            var fired_at: Int64
        }
        var version: Int
        var reminders: [String: Item]
        /// Snoozed until (epoch seconds), per id; absent in files from before snoozing.
        var snoozed: [String: Int64]?
    }

    /// Reads the state file; a missing file is an empty state, a damaged one an error.
    package static func load(from url: URL) throws(ReminderError) -> ReminderState {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return ReminderState() }
            throw .unreadableState(path: url.path, reason: "\(error.localizedDescription)")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .unreadableState(path: url.path, reason: "not reminder state (move it aside to start afresh)")
        }
        guard file.version == 1 else {
            throw .unreadableState(path: url.path, reason: "version \(file.version) is newer than this limber understands")
        }
        var state = ReminderState()
        for (id, item) in file.reminders {
            state.entries[id] = Entry(
                occurrence: Date(timeIntervalSince1970: Double(item.occurrence)),
                firedAt: Date(timeIntervalSince1970: Double(item.fired_at)))
        }
        for (id, until) in file.snoozed ?? [:] {
            state.snoozes[id] = Date(timeIntervalSince1970: Double(until))
        }
        return state
    }

    /// Writes the state file atomically: a temporary file beside it, flushed, then renamed over it.
    package func save(to url: URL) throws(ReminderError) {
        var reminders: [String: File.Item] = [:]
        for (id, entry) in entries {
            reminders[id] = File.Item(
                occurrence: CheckedNumber.saturatingStamp(entry.occurrence),
                fired_at: CheckedNumber.saturatingStamp(entry.firedAt))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data: Data
        do {
            let snoozed = snoozes.mapValues { Int64($0.timeIntervalSince1970.rounded(.up)) }
            data =
                try encoder.encode(File(version: 1, reminders: reminders, snoozed: snoozed.isEmpty ? nil : snoozed))
                + Data("\n".utf8)
        } catch {
            throw .unwritableState(path: url.path, reason: "\(error)")
        }
        try AtomicFile.write(data, to: url)
    }
}

/// Writing a file so that readers see the old contents or the new, never a torn mix.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws(ReminderError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritableState(path: folder.path, reason: "cannot create the folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unwritableState(path: url.path, reason: String(cString: strerror(errno)))
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0 && rename(temporary.path, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary.path)
            throw .unwritableState(path: url.path, reason: String(cString: strerror(failure)))
        }
    }
}
