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

    /// The definitions, by id (see ``DefinitionRegistry``).
    public internal(set) var registry = DefinitionRegistry<Entry>(kind: "reminder")

    /// Every reminder, in the order plugins defined them.
    public var entries: [Entry] { registry.definitions }

    /// Where `limber.notify(message)` delivers; standard output unless the command running the
    /// host chooses a backend.
    public var notify: (String) throws -> Void = { message in print(message.terminalSafeLines) }

    public init() {}

    /// The reminder with an id.
    public func entry(_ id: String) -> Entry? {
        registry.entry(id)?.definition
    }

    /// Adds a reminder; a taken id is an error naming the file that took it, unless `override`.
    func add(_ entry: Entry, override: Bool = false) throws(LuaError) {
        try registry.define(entry, id: entry.reminder.id, source: entry.source, override: override)
    }
}
