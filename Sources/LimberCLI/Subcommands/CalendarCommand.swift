import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// `limber calendar --ics`: the reminders' schedules as an iCalendar calendar.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print the reminders' schedules as an iCalendar (.ics) calendar, or write one file per reminder.",
        discussion: """
            Each reminder is one event with a stable UID (ID@limber): a regular schedule recurs \
            (RRULE), any other lists its times in the next --days days. Times are local (TZ, else \
            the system's zone) with a VTIMEZONE, so they stay put across clock changes. \
            --output DIR writes DIR/ID.ics for each reminder, a vdir that khal reads, and removes \
            the files of reminders that are gone.
            """
    )

    @Flag(help: "iCalendar (RFC 5545), the only format so far.")
    var ics = false

    @Option(help: ArgumentHelp("Days ahead that non-recurring schedules list their times for (1 to 366).", valueName: "days"))
    var days = 14

    @Option(help: ArgumentHelp("Write one .ics file per reminder into this folder instead.", valueName: "folder"))
    var output: String?

    @Option(name: .customLong("now"), help: .hidden)
    var nowText: String?

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be 1 to 366, got \(days)") }
    }

    func run() throws {
        let environment = ProcessEnvironment.current
        let timeZone = CommandClock.timeZone(environment: environment)
        let now = try CommandClock.now(option: nowText, environment: environment, timeZone: timeZone)
        let paths = LimberPaths.resolve(environment: environment)
        let (host, _) = try plugins.makeHost(paths: paths)
        let entries = host.reminders.entries.map { entry(for: $0, host: host) }
        guard let output else {
            print(ICalendar.calendar(entries, timeZone: timeZone, from: now, days: days, stamp: now), terminator: "")
            return
        }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for entry in entries where ICalendar.hasEvents(entry, timeZone: timeZone, from: now, days: days) {
                let text = ICalendar.calendar([entry], timeZone: timeZone, from: now, days: days, stamp: now)
                try Data(text.utf8).write(to: folder.appendingPathComponent("\(entry.id).ics"), options: .atomic)
                written.append("\(entry.id).ics")
            }
            // Files this command wrote for reminders that are gone.
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where name.hasSuffix(".ics") && !written.contains(name) {
                let file = folder.appendingPathComponent(name)
                if let data = FileManager.default.contents(atPath: file.path),
                    String(decoding: data.prefix(200), as: UTF8.self).contains("PRODID:-//limber//")
                {
                    try FileManager.default.removeItem(at: file)
                }
            }
        } catch {
            throw LimberFailure("cannot write the calendar to \(folder.path): \(error.localizedDescription)")
        }
        print("calendar: \(written.count) reminder\(written.count == 1 ? "" : "s") in \(folder.path)")
    }

    /// The calendar's view of a reminder: titled by its routine when it names one.
    private func entry(for reminder: ReminderRegistry.Entry, host: LimberHost) -> ICalendar.Entry {
        var summary = "limber: \(reminder.reminder.id)"
        var minutes = 10
        if let id = reminder.routine, let routine = host.sessions.routines.get(id) {
            summary = "Stretch: \(routine.name)"
            if let plan = try? SessionPlan(routine: routine, catalogue: host.catalogue) {
                minutes = max(1, (plan.totalSeconds + 59) / 60)
            }
        }
        var message: String?
        if case .text(let text) = reminder.message { message = text }
        return ICalendar.Entry(
            id: reminder.reminder.id, schedule: reminder.reminder.schedule, summary: summary, message: message,
            routine: reminder.routine, minutes: minutes)
    }
}
