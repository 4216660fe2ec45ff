import Foundation
import LimberCore

extension HostAPI {
    static var reminderFunctions: [APIFunction] {
        [
            APIFunction(
                "reminder",
                summary: "Defines a reminder that `limber remind` delivers once per scheduled time, when it is due.",
                parameters: [.init("reminder", "limber.Reminder", "id, schedule, message, and optionally due and window")],
                results: [.init("limber.ReminderInfo", "the id and the schedule as limber reads it")],
                example: """
                    limber.reminder{ id = 'evening-stretch', schedule = 'weekdays 18:30',
                      due = function(ctx) return #limber.log.sessions{ since = ctx.today } == 0 end,
                      message = 'Ten minutes of stretching? limber start runner-cooldown' }
                    """
            ) { host, call in
                var table = try call.table(1, "reminder")
                let override = table["override"] == .boolean(true)
                table["override"] = .nil
                let entry = try reminderEntry(table, source: host.currentSource ?? "a script")
                try host.reminders.add(entry, override: override)
                host.recordDefinition(kind: "reminder", id: entry.reminder.id)
                var info = LuaTable()
                info["id"] = .string(entry.reminder.id)
                info["schedule"] = .string(entry.reminder.schedule.description)
                return [.table(info)]
            },
            APIFunction(
                "notify",
                summary: "Sends a message to the person through the configured backend (stdout, desktop, or a command).",
                parameters: [.init("message", "string", "what to say")],
                example: "limber.notify('Your weekly summary is ready')",
                scalar: { host, arguments in
                    let message = try arguments.string(1, "message")
                    try host.reminders.notify(message)
                    return .nothing
                }
            ),
        ]
    }

    static var reminderClasses: [APIClass] {
        [
            APIClass(
                "limber.Reminder", summary: "A reminder for `limber.reminder{...}`.",
                fields: [
                    .init("id", "string", "unique id: lower-case letters, digits, '-' and '_'"),
                    .init(
                        "schedule", "string",
                        "when: 'daily 18:00', 'weekdays 07:30', 'weekends 09:00', 'mon,wed,fri 18:30', 'every 2 days at 18:00', 'every 30 minutes', 'hourly'"
                    ),
                    .init(
                        "message", "string|fun(ctx: limber.ReminderContext): string", "what to say, or a function that says it"),
                    .init("due", "(fun(ctx: limber.ReminderContext): boolean)?", "whether it is due now; omit for always"),
                    .init(
                        "window", "number?",
                        "seconds after the scheduled time it may still be delivered; default until the next time"),
                    .init(
                        "routine", "string?",
                        "the routine it is for: the notification's Start button and the calendar event name it"),
                    .init("override", "boolean?", "replace a reminder with the same id"),
                ]),
            APIClass(
                "limber.ReminderContext", summary: "What `due` and `message` functions receive; times are epoch seconds.",
                fields: [
                    .init("id", "string", "the reminder's id"),
                    .init("schedule", "string", "its schedule as limber reads it"),
                    .init("now", "integer", "the time of this evaluation"),
                    .init("occurrence", "integer", "the scheduled time this period began at"),
                    .init("next", "integer?", "the next scheduled time"),
                    .init("today", "integer", "local midnight of the day `now` falls on"),
                    .init("occurrence_day", "integer", "local midnight of the day `occurrence` falls on"),
                    .init("last_fired", "integer?", "when it was last delivered"),
                    .init("last_occurrence", "integer?", "the scheduled time it last delivered"),
                    .init("last_run", "limber.Session?", "the last run (seconds, distance_m, sport, file), imported or logged"),
                ]),
            APIClass(
                "limber.ReminderInfo", summary: "What `limber.reminder` returns.",
                fields: [
                    .init("id", "string", "the reminder's id"),
                    .init("schedule", "string", "the schedule in its canonical spelling"),
                ]),
        ]
    }

    private static let reminderFields = ["id", "schedule", "message", "due", "window", "routine"]

    /// Reads a `limber.reminder{...}` table; a bad field is an error that names it.
    static func reminderEntry(_ table: LuaTable, source: String) throws(LuaError) -> ReminderRegistry.Entry {
        for key in table.entries.keys.sorted() {
            guard case .string(let name) = key, reminderFields.contains(name.description) else {
                throw .conversion("unknown field '\(key)' (a reminder has \(reminderFields.joined(separator: ", ")))")
            }
        }
        guard case .string(let idText) = table["id"] else {
            throw .conversion("field 'id': expected a string, got \(table["id"].typeName)")
        }
        let id = idText.description
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard let first = id.first, first.isLetter || first.isNumber, id.allSatisfy(allowed.contains) else {
            throw .conversion("field 'id': '\(id)' must be lower-case letters, digits, '-' and '_'")
        }
        guard case .string(let scheduleText) = table["schedule"] else {
            throw .conversion("field 'schedule': expected a string such as 'daily 18:00', got \(table["schedule"].typeName)")
        }
        let schedule: ReminderSchedule
        do {
            schedule = try ReminderSchedule(parsing: scheduleText.description)
        } catch {
            throw .conversion("field 'schedule': \(error)")
        }
        let message: ReminderRegistry.Message
        switch table["message"] {
        case .string(let text): message = .text(text.description)
        case .function(let function): message = .function(.function(function))
        case let other: throw .conversion("field 'message': expected a string or a function, got \(other.typeName)")
        }
        var due: LuaValue?
        switch table["due"] {
        case .nil: due = nil
        case .function(let function): due = .function(function)
        case let other: throw .conversion("field 'due': expected a function, got \(other.typeName)")
        }
        var window: TimeInterval?
        if !table["window"].isNil {
            guard let seconds = table["window"].doubleValue, seconds > 0, seconds.isFinite else {
                throw .conversion("field 'window': expected a positive number of seconds")
            }
            window = seconds
        }
        var routine: String?
        switch table["routine"] {
        case .nil: routine = nil
        case .string(let text) where Exercise.isSlug(text.description): routine = text.description
        case let other:
            throw .conversion(
                "field 'routine': expected a routine id such as 'runner-cooldown', got \(other.typeName == "string" ? "'\(other.stringValue ?? "")'" : other.typeName)"
            )
        }
        return ReminderRegistry.Entry(
            reminder: Reminder(id: id, schedule: schedule, window: window), due: due, message: message, source: source,
            routine: routine)
    }
}
