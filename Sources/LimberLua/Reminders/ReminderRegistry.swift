import Foundation
import LimberCore

/// The reminders plugins defined with `limber.reminder{...}`, and where `limber.notify` sends
/// messages. One per host.
package final class ReminderRegistry {
    /// A reminder's text: fixed, or made by a Lua function at delivery.
    package enum Message {
        case text(String)
        /// `function(ctx) return "..." end`
        case function(LuaValue)
    }

    /// One defined reminder with its Lua parts.
    package struct Entry {
        package let reminder: Reminder
        /// `function(ctx) return boolean end`, or nil for "always, once per period".
        package let due: LuaValue?
        package let message: Message
        /// The plugin or script that defined it.
        package let source: String
        /// The routine the reminder is for: what "Start" runs and the calendar names.
        package var routine: String? = nil
    }

    /// The definitions, by id (see ``DefinitionRegistry``).
    package internal(set) var registry = DefinitionRegistry<Entry>(kind: "reminder")

    /// Every reminder, in the order plugins defined them.
    package var entries: [Entry] { registry.definitions }

    /// Where `limber.notify(message)` delivers; standard output unless the command running the
    /// host chooses a backend.
    package var notify: (String) throws -> Void = { message in print(message.terminalSafeLines) }

    package init() {}

    /// The reminder with an id.
    package func entry(_ id: String) -> Entry? {
        registry.entry(id)?.definition
    }

    /// Adds a reminder; a taken id is an error naming the file that took it, unless `override`.
    func add(_ entry: Entry, override: Bool = false) throws(LuaError) {
        try registry.define(entry, id: entry.reminder.id, source: entry.source, override: override)
    }
}
