import Foundation
import LimberCore

/// Which plugins one `limber remind` run loads, as a ``ReminderIndex`` decides it.
package enum ReminderLoadPlan: Equatable {
    /// No reminder can be due and no plugin must load every time: load none.
    case noPlugin
    /// Only these plugins, in load order: those with a reminder to ask and those that load every
    /// time, each of which may load without the others.
    case only([Chosen])
    /// Every plugin, as without an index.
    case all

    /// One plugin to load, with its place in the load order and what it defined last time.
    package struct Chosen: Equatable {
        package let plugin: PluginFile
        package let position: Int
        package let defines: [String]
    }
}

extension ReminderIndex {
    /// What to load of `plugins` (discovered now, with `key` their key) at `now` in `timeZone`,
    /// given the delivery state; nil when this index does not hold for them (built from other
    /// files, or malformed), so it must be ignored and rebuilt.
    package func plan(for plugins: [PluginFile], key: ReminderIndexKey, at now: Date, in timeZone: TimeZone, state: ReminderState)
        -> ReminderLoadPlan?
    {
        guard self.key == key.digest, count == plugins.count, plugins.count == key.plugins.count else { return nil }
        guard let recorded = self.plugins else { return .all }
        guard recorded.count == plugins.count else { return nil }
        var chosen: [ReminderLoadPlan.Chosen] = []
        var needsAll = false
        for (position, (plugin, record)) in zip(plugins, recorded).enumerated() {
            var asks = false
            for item in record.reminders {
                guard let reminder = item.reminder else { return nil }
                if ReminderCheck(reminder, at: now, in: timeZone, state: state).asks { asks = true }
            }
            guard record.always || asks else { continue }
            if !record.alone { needsAll = true }
            chosen.append(.init(plugin: plugin, position: position, defines: record.defines))
        }
        if needsAll { return .all }
        return chosen.isEmpty ? .noPlugin : .only(chosen)
    }

}

extension ReminderIndex.Item {
    /// The reminder this item describes; nil when a field is not one `limber.reminder` accepts
    /// (an edited file that kept its checksum right is still only believed within these bounds).
    var reminder: Reminder? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard id.utf8.count <= 200, let first = id.first, first.isLetter || first.isNumber, id.allSatisfy(allowed.contains),
            schedule.utf8.count <= 1000, let parsed = try? ReminderSchedule(parsing: schedule)
        else { return nil }
        if let window, !(window > 0 && window.isFinite) { return nil }
        return Reminder(id: id, schedule: parsed, window: window)
    }
}
