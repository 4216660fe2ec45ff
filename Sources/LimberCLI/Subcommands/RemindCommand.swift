import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// `limber remind`: evaluates every reminder once and delivers those due; made for cron.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Deliver the reminders that are due, once each; silent when none is.",
        discussion: """
            Every reminder that plugins define with limber.reminder{...} is evaluated once: one \
            whose scheduled time has come, that has not been delivered for that time, and whose \
            due function (if any) returns true is delivered and recorded in \
            $XDG_STATE_HOME/limber/reminders.json, so it does not repeat until its next time.

            Nothing due: no output, exit 0 (cron mails any output). A due function that raises \
            is one line on stderr (file:line: message), the other reminders still run, and the \
            exit code is 1. A second run while one is going exits at once, quietly, with 0.

            Times are local (TZ, else /etc/localtime). For tests, --now or LIMBER_NOW sets the \
            time: epoch seconds, ISO 8601 with an offset (2025-06-04T18:10:00-04:00) or a local \
            2025-06-04T18:10.
            """
    )

    @Flag(help: "Print one JSON object per line for each reminder delivered.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Show every reminder and whether it is due; deliver and record nothing.")
    var dryRun = false

    @OptionGroup var delivery: DeliveryOptions

    @Option(name: .customLong("now"), help: .hidden)
    var nowText: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let timeZone = CommandClock.timeZone(environment: environment)
        let now = try CommandClock.now(option: nowText, environment: environment, timeZone: timeZone)
        let paths = LimberPaths.resolve(environment: environment)

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

        let deliverer = delivery.deliverer(environment: environment)
        if !dryRun {
            do {
                try deliverer.checkAvailable()
            } catch {
                throw LimberFailure(error.description)
            }
        }
        let stateFile = ReminderState.file(in: paths.state)
        var state: ReminderState
        do {
            state = try ReminderState.load(from: stateFile)
        } catch {
            throw LimberFailure(error.description)
        }

        let (host, reports) = try plugins.makeHost(paths: paths)
        var failures = reports.filter { if case .failed = $0.status { true } else { false } }.count
        // The log answers "today" and "7d" from the same instant and zone the reminders use.
        host.sessionLog.now = { now }
        host.sessionLog.timeZone = timeZone
        let output = Output(json: json, dryRun: dryRun, timeZone: timeZone, backend: deliverer.backend)
        host.reminders.notify = { message in
            if dryRun || deliverer.backend == .standardOutput {
                try output.notified(message)
            } else {
                try deliverer.deliver(message)
            }
        }

        let outcomes = host.evaluateReminders(at: now, in: timeZone, state: state)
        if dryRun && outcomes.isEmpty && !json { print("no reminders are defined") }
        for outcome in outcomes {
            switch outcome.status {
            case .failed(let message):
                failures += 1
                Terminal.standardError.write("limber: reminder \(outcome.id): \(Self.oneLine(message))\n")
            case .due(let message) where !dryRun:
                do {
                    try deliverer.deliver(message)
                } catch {
                    failures += 1
                    Terminal.standardError.write("limber: reminder \(outcome.id): \(error.description)\n")
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
                if dryRun { try output.dryRun(outcome, schedule: host.reminders.entry(outcome.id)?.reminder.schedule) }
            }
        }
        if failures > 0 { throw LimberFailure("", exitCode: 1) }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Prints what happened: plain lines or JSON lines.
    private struct Output {
        let json: Bool
        let dryRun: Bool
        let timeZone: TimeZone
        let backend: DeliveryBackend

        func delivered(_ outcome: ReminderOutcome, message: String) throws {
            if json {
                print(try ReminderReport(
                    id: outcome.id, status: "delivered", message: message, period: outcome.period, timeZone: timeZone,
                    backend: backend.description, source: outcome.source
                ).line())
            } else if backend == .standardOutput {
                print(message)
            }
        }

        func notified(_ message: String) throws {
            if json {
                print(try ReminderReport(
                    id: nil, status: "notified", message: message, timeZone: timeZone, backend: backend.description, dryRun: dryRun
                ).line())
            } else {
                print(dryRun ? "(dry run) limber.notify: \(message)" : message)
            }
        }

        func dryRun(_ outcome: ReminderOutcome, schedule: ReminderSchedule?) throws {
            var message: String?
            if case .due(let text) = outcome.status { message = text }
            if json {
                print(try ReminderReport(
                    id: outcome.id, status: outcome.status.word, message: message, period: outcome.period,
                    timeZone: timeZone, backend: backend.description, source: outcome.source, dryRun: true
                ).line())
                return
            }
            let when = schedule.map { " (\($0.description))" } ?? ""
            let period = outcome.period.map { " since \(Self.local($0.occurrence, timeZone))" } ?? ""
            let next = outcome.period?.next.map { ", next \(Self.local($0, timeZone))" } ?? ""
            switch outcome.status {
            case .due(let text): print("\(outcome.id): due\(period): \(text)")
            case .notDue: print("\(outcome.id): not due\(when)\(period)\(next)")
            case .alreadyFired: print("\(outcome.id): already delivered\(when)\(period)\(next)")
            case .missed: print("\(outcome.id): missed, past its window\(when)\(period)\(next)")
            case .notStarted: print("\(outcome.id): no scheduled time yet\(when)")
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
