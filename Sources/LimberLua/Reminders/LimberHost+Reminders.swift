import Foundation
import LimberCore

extension LimberHost {
    /// Evaluates every reminder once at `now` in `timeZone`: which are due, with their messages.
    ///
    /// A reminder whose current period was delivered (per `state`) is not asked again; the others
    /// ask their `due` function with a context table. A `due` or `message` that raises is that
    /// reminder's failure; the rest are still evaluated. Nothing is delivered or recorded here.
    package func evaluateReminders(at now: Date, in timeZone: TimeZone, state: ReminderState) -> [ReminderOutcome] {
        reminders.entries.map { evaluate($0, at: now, in: timeZone, state: state) }
    }

    private func evaluate(_ entry: ReminderRegistry.Entry, at now: Date, in timeZone: TimeZone, state: ReminderState)
        -> ReminderOutcome
    {
        let reminder = entry.reminder
        let lastFired = state.entries[reminder.id]
        func outcome(_ status: ReminderOutcome.Status, _ period: ReminderPeriod?) -> ReminderOutcome {
            ReminderOutcome(id: reminder.id, status: status, period: period, source: entry.source)
        }
        let period: ReminderPeriod
        switch ReminderCheck(reminder, at: now, in: timeZone, state: state) {
        case .notStarted: return outcome(.notStarted, nil)
        case .snoozed(let until, let open): return outcome(.snoozed(until), open)
        case .alreadyFired(let open): return outcome(.alreadyFired, open)
        case .missed(let open): return outcome(.missed, open)
        case .ask(let open): period = open
        }

        var context = LuaTable()
        context["id"] = .string(reminder.id)
        context["schedule"] = .string(reminder.schedule.description)
        context["now"] = .integer(Self.epoch(now))
        context["occurrence"] = .integer(Self.epoch(period.occurrence))
        context["next"] = period.next.map { .integer(Self.epoch($0)) } ?? .nil
        context["today"] = .integer(Self.epoch(period.dayStart))
        context["occurrence_day"] = .integer(Self.epoch(period.occurrenceDayStart))
        context["last_fired"] = lastFired.map { .integer(Self.epoch($0.firedAt)) } ?? .nil
        context["last_occurrence"] = lastFired.map { .integer(Self.epoch($0.occurrence)) } ?? .nil
        context["last_run"] = HostAPI.lastRunValue(sessionLog, now: now)

        currentSource = entry.source
        defer { currentSource = nil }
        do {
            if let due = entry.due {
                let answer =
                    try during(.describe) { () throws(LuaError) in try callPlugin(due, [.table(context)], owner: entry.source) }
                    .first ?? .nil
                switch answer {
                case .nil, .boolean(false): return outcome(.notDue, period)
                case .boolean(true): break
                default:
                    return outcome(
                        .failed(
                            "\(entry.source): reminder '\(reminder.id)': due must return true or false, not a \(answer.typeName)"),
                        period)
                }
            }
            switch entry.message {
            case .text(let text):
                return outcome(.due(text), period)
            case .function(let function):
                let result =
                    try during(.describe) { () throws(LuaError) in
                        try callPlugin(function, [.table(context)], owner: entry.source)
                    }.first ?? .nil
                guard let text = result.stringValue else {
                    return outcome(
                        .failed(
                            "\(entry.source): reminder '\(reminder.id)': message must return a string, not \(result.typeName)"),
                        period)
                }
                return outcome(.due(text), period)
            }
        } catch {
            return outcome(.failed(error.message), period)
        }
    }

    static func epoch(_ date: Date) -> Int64 {
        CheckedNumber.saturatingStamp(date)
    }
}
