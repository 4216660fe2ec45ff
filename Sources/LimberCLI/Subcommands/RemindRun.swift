import Foundation
import LimberCore
import LimberLua

/// What `limber remind` does, from plain values: the parsed `RemindCommand` and the parser's
/// shortcut (`RemindCommandShortcut`) both end here, so the shortcut need not build the
/// command's argument-parser property wrappers (their generic metadata was 5% of a nothing-due
/// start).
struct RemindRun: Equatable {
    var json = false
    var dryRun = false
    var delivery = DeliveryChoice()
    var snoozeID: String?
    var snoozeDuration: String?
    var awaitActionID: String?
    var actionMessage: String?
    var nowText: String?
    /// `--plugins` folders, in order.
    var pluginFolders: [String] = []

    func run() throws {
        let environment = ProcessEnvironment.current
        let timeZone = CommandClock.timeZone(environment: environment)
        let now = try CommandClock.now(option: nowText, environment: environment, timeZone: timeZone)
        let paths = LimberPaths.resolve(environment: environment)
        if let snoozeID { return try snooze(snoozeID, now: now, paths: paths) }
        if let awaitActionID { return try awaitAction(awaitActionID, paths: paths, environment: environment) }

        // A dry run writes nothing, so it needs no lock.
        var lock: ReminderLock?
        if !dryRun {
            do {
                guard let held = try ReminderLock.acquire(at: ReminderLock.file(in: paths.state)) else { return }
                if let takeover = held.takeover { Terminal.standardError.write("limber: \(takeover)\n") }
                lock = held
            } catch {
                throw LimberFailure(error.description)
            }
        }
        defer { withExtendedLifetime(lock) {} }

        // Only the plugins whose reminders may be due now, with the reminder index (not in a
        // dry run, which shows every reminder).
        let remind = try RemindHost.prepare(folders: pluginFolders, paths: paths, now: now, timeZone: timeZone, useIndex: !dryRun)
        let deliverer = delivery.deliverer(environment: environment, config: remind.config.config.remind)
        if !dryRun {
            do {
                try deliverer.checkAvailable()
            } catch {
                throw LimberFailure(error.description)
            }
        }
        let actions = !dryRun && deliverer.backend == .desktop && DesktopActions.supported(environment: deliverer.busEnvironment)
        let stateFile = ReminderState.file(in: paths.state)
        var state: ReminderState
        do {
            state = try ReminderState.load(from: stateFile)
        } catch {
            throw LimberFailure(error.description)
        }

        var failures = 0
        // Runs from the watched folders first, so a run nobody typed in counts (not in a dry run).
        if !dryRun {
            failures += try RemindCommand.importWatchedRuns(
                config: remind.config.config, log: remind.log, environment: environment, now: now, timeZone: timeZone)
        }
        let output = Output(json: json, dryRun: dryRun, timeZone: timeZone, backend: deliverer.backend)
        let notify: (String) throws -> Void = { message in
            if dryRun || deliverer.backend == .standardOutput {
                try output.notified(message)
            } else {
                try deliverer.deliver(message)
            }
        }

        let outcomes = try remind.evaluate(state: state) { $0.reminders.notify = notify }
        failures += remind.pluginFailures
        if dryRun && outcomes.isEmpty && !json { print("no reminders are defined") }
        for outcome in outcomes {
            switch outcome.status {
            case .failed(let message):
                failures += 1
                Terminal.standardError.write(
                    "limber: reminder \(outcome.id.terminalSafe): \(RemindCommand.oneLine(message).terminalSafe)\n")
            case .due(let message) where !dryRun:
                do {
                    if actions {
                        try DesktopActions.startWatcher(
                            id: outcome.id, message: message.terminalSafeLines, environment: deliverer.busEnvironment)
                    } else {
                        try deliverer.deliver(message)
                    }
                } catch {
                    failures += 1
                    Terminal.standardError.write(
                        "limber: reminder \(outcome.id.terminalSafe): \(error.description.terminalSafeLines)\n")
                    continue
                }
                try output.delivered(outcome, message: message)
                if let period = outcome.period {
                    // Recorded at once, so a run stopped by a later, slower delivery repeats nothing.
                    state.record(outcome.id, occurrence: period.occurrence, firedAt: now)
                    do {
                        try state.save(to: stateFile)
                    } catch {
                        throw LimberFailure(error.description)
                    }
                }
            default:
                if dryRun { try output.dryRun(outcome, schedule: remind.host?.reminders.entry(outcome.id)?.reminder.schedule) }
            }
        }
        remind.finish()
        remind.leaveToExit()
        if failures > 0 { throw LimberFailure("", exitCode: 1) }
    }

    /// `--snooze ID DURATION`: records the snooze; the id must be a defined reminder.
    private func snooze(_ id: String, now: Date, paths: LimberPaths) throws {
        let seconds: TimeInterval
        do {
            seconds = try SnoozeDuration.parse(snoozeDuration ?? "\(DesktopActions.snoozeMinutes)m")
        } catch {
            throw LimberFailure(error.description)
        }
        let (host, _) = try PluginOptions.makeHost(folders: pluginFolders, paths: paths)
        guard host.reminders.entry(id) != nil else {
            let known = host.reminders.entries.map(\.reminder.id)
            throw LimberFailure(
                "unknown reminder '\(id)'"
                    + (known.isEmpty ? " (no reminders are defined)" : " (reminders: \(known.joined(separator: ", ")))"))
        }
        do {
            try DesktopActions.snooze(id, seconds: seconds, paths: paths, now: now)
        } catch {
            throw LimberFailure(error.description)
        }
        let timeZone = CommandClock.timeZone(environment: ProcessEnvironment.current)
        print("\(id): snoozed until \(Output.local(now.addingTimeInterval(seconds), timeZone))")
    }

    /// `--await-action ID --message TEXT`: the detached watcher of a notification with buttons.
    private func awaitAction(_ id: String, paths: LimberPaths, environment: [String: String]) throws {
        let (host, _) = try PluginOptions.makeHost(folders: pluginFolders, paths: paths)
        let routine = host.reminders.entry(id)?.routine
        do {
            try DesktopActions.watch(
                id: id, message: actionMessage ?? "", routine: routine, terminal: host.config.config.remind.terminal,
                paths: paths, environment: environment)
        } catch {
            throw LimberFailure(error.description)
        }
    }

    /// Prints what happened: plain lines or JSON lines.
    private struct Output {
        let json: Bool
        let dryRun: Bool
        let timeZone: TimeZone
        let backend: DeliveryBackend

        func delivered(_ outcome: ReminderOutcome, message: String) throws {
            if json {
                print(
                    try ReminderReport(
                        id: outcome.id, status: "delivered", message: message, period: outcome.period, timeZone: timeZone,
                        backend: backend.description, source: outcome.source
                    ).line())
            } else if backend == .standardOutput {
                print(message.terminalSafeLines)
            }
        }

        func notified(_ message: String) throws {
            if json {
                print(
                    try ReminderReport(
                        id: nil, status: "notified", message: message, timeZone: timeZone, backend: backend.description,
                        dryRun: dryRun
                    ).line())
            } else {
                print(dryRun ? "(dry run) limber.notify: \(message.terminalSafe)" : message.terminalSafeLines)
            }
        }

        func dryRun(_ outcome: ReminderOutcome, schedule: ReminderSchedule?) throws {
            var message: String?
            if case .due(let text) = outcome.status { message = text }
            if json {
                print(
                    try ReminderReport(
                        id: outcome.id, status: outcome.status.word, message: message, period: outcome.period,
                        timeZone: timeZone, backend: backend.description, source: outcome.source, dryRun: true
                    ).line())
                return
            }
            let id = outcome.id.terminalSafe
            let when = schedule.map { " (\($0.description))" } ?? ""
            let period = outcome.period.map { " since \(Self.local($0.occurrence, timeZone))" } ?? ""
            let next = outcome.period?.next.map { ", next \(Self.local($0, timeZone))" } ?? ""
            switch outcome.status {
            case .due(let text): print("\(id): due\(period): \(text.terminalSafe)")
            case .notDue: print("\(id): not due\(when)\(period)\(next)")
            case .alreadyFired: print("\(id): already delivered\(when)\(period)\(next)")
            case .missed: print("\(id): missed, past its window\(when)\(period)\(next)")
            case .notStarted: print("\(id): no scheduled time yet\(when)")
            case .snoozed(let until): print("\(id): snoozed until \(Self.local(until, timeZone))\(when)")
            case .failed: break
            }
        }

        static func local(_ date: Date, _ timeZone: TimeZone) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
            return formatter.string(from: date)
        }
    }
}
