import Foundation
import LimberCore

/// The reminders plugins defined with `limber.reminder{...}`, and where `limber.notify` sends
/// messages. One per host.
public final class ReminderRegistry {
    /// A reminder's text: fixed, or made by a Lua function at delivery.
    public enum Message {
        case text(String)
        /// `function(ctx) return "..." end`
        case function(LuaValue)
    }

    /// One defined reminder with its Lua parts.
    public struct Entry {
        public let reminder: Reminder
        /// `function(ctx) return boolean end`, or nil for "always, once per period".
        public let due: LuaValue?
        public let message: Message
        /// The plugin or script that defined it.
        public let source: String
        /// The routine the reminder is for: what "Start" runs and the calendar names.
        public var routine: String? = nil
    }

    /// Every reminder, in the order plugins defined them.
    public private(set) var entries: [Entry] = []

    /// Where `limber.notify(message)` delivers; standard output unless the command running the
    /// host chooses a backend.
    public var notify: (String) throws -> Void = { message in print(message.terminalSafeLines) }

    public init() {}

    /// The reminder with an id.
    public func entry(_ id: String) -> Entry? {
        entries.first { $0.reminder.id == id }
    }

    func add(_ entry: Entry) throws(LuaError) {
        if let existing = self.entry(entry.reminder.id) {
            throw .conversion("reminder '\(entry.reminder.id)' is already defined by \(existing.source)")
        }
        entries.append(entry)
    }
}
