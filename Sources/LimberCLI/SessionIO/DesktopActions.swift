import Foundation
import LimberCore

/// Desktop notifications with buttons: "Start" (runs `limber start ROUTINE` in the terminal the
/// user names in config.lua, `remind = { terminal = {...} }`) and "Snooze 10 min".
///
/// How: `limber remind` asks the notification server over D-Bus (`gdbus`) whether it supports
/// actions. If it does, limber starts a detached watcher (`limber remind --await-action ID`,
/// itself, with no terminal and its output on /dev/null, so neither cron nor the timer waits for
/// it) that runs `notify-send --action=... --wait` and acts on the button pressed: notify-send
/// prints the action's name when one is chosen and exits when the notification closes. Without
/// gdbus or without action support, the notification is sent the plain way and nothing waits.
enum DesktopActions {
    /// The snooze the button offers.
    static let snoozeMinutes = 10
    /// How long a watcher waits for a button before it gives up.
    static let watchLimit: Duration = .seconds(6 * 3600)

    /// Whether the session bus's notification server says it supports actions.
    static func supported(environment: [String: String]) -> Bool {
        guard let gdbus = TimedProcess.locate("gdbus", environment: environment),
            let notifySend = TimedProcess.locate("notify-send", environment: environment)
        else { return false }
        let capabilities = try? TimedProcess.run(
            gdbus,
            arguments: [
                "call", "--session", "--dest", "org.freedesktop.Notifications", "--object-path",
                "/org/freedesktop/Notifications", "--method", "org.freedesktop.Notifications.GetCapabilities",
            ],
            environment: environment, capture: true, timeout: .seconds(3))
        guard let capabilities, capabilities.termination == .exited(0),
            String(decoding: capabilities.output, as: UTF8.self).contains("'actions'")
        else { return false }
        // notify-send learnt --action and --wait in libnotify 0.7.10.
        let help = try? TimedProcess.run(
            notifySend, arguments: ["--help"], environment: environment, capture: true, timeout: .seconds(3))
        return help.map { String(decoding: $0.output, as: UTF8.self).contains("--action") } ?? false
    }

    /// Starts the detached watcher for one delivered reminder.
    static func startWatcher(id: String, message: String, environment: [String: String]) throws(ReminderError) {
        let arguments = ["remind", "--await-action", id, "--message", message]
        try Detached.spawn(CronJobOptions.executable(), arguments: arguments, environment: environment)
    }

    /// The watcher: shows the notification with its buttons and does what was chosen.
    static func watch(
        id: String, message: String, routine: String?, terminal: [String]?, paths: LimberPaths,
        environment: [String: String]
    ) throws(ReminderError) {
        guard let notifySend = TimedProcess.locate("notify-send", environment: environment) else {
            throw .backendUnavailable("desktop notifications need notify-send, which is not on PATH")
        }
        var arguments = ["--app-name=limber"]
        let canStart = routine != nil && terminal != nil
        if canStart { arguments.append("--action=start=Start") }
        arguments += ["--action=snooze=Snooze \(snoozeMinutes) min", "--wait", "--", "limber", message]
        let result = try TimedProcess.run(
            notifySend, arguments: arguments, environment: environment, capture: true, timeout: watchLimit)
        let chosen = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch chosen {
        case "start":
            guard let routine, let terminal, let program = terminal.first,
                let path = TimedProcess.locate(program, environment: environment)
            else {
                throw .backendUnavailable("remind.terminal: '\(terminal?.first ?? "")' is not on PATH")
            }
            try Detached.spawn(
                path, arguments: Array(terminal.dropFirst()) + [CronJobOptions.executable(), "start", routine],
                environment: environment)
        case "snooze":
            try snooze(id, seconds: TimeInterval(snoozeMinutes * 60), paths: paths, now: Date())
        default:
            return
        }
    }

    /// Records a snooze in the reminder state, under the reminder lock (waiting a little for a
    /// `limber remind` that holds it).
    static func snooze(_ id: String, seconds: TimeInterval, paths: LimberPaths, now: Date) throws(ReminderError) {
        var lock: ReminderLock?
        for _ in 0..<100 {
            lock = try ReminderLock.acquire(at: ReminderLock.file(in: paths.state))
            if lock != nil { break }
            usleep(100_000)
        }
        guard let lock else { throw .unwritableState(path: paths.state.path, reason: "another limber remind holds the lock") }
        defer { withExtendedLifetime(lock) {} }
        let file = ReminderState.file(in: paths.state)
        var state = try ReminderState.load(from: file)
        state.snooze(id, until: now.addingTimeInterval(seconds))
        try state.save(to: file)
    }
}

/// Starting a program that outlives limber: its own session, standard streams on /dev/null.
enum Detached {
    static func spawn(_ executable: String, arguments: [String], environment: [String: String]) throws(ReminderError) {
        // A session of its own: no terminal's hang-up or Ctrl-C reaches it.
        let spawned = ChildSpawn.spawn(
            [executable] + arguments, environment: environment, grouping: .ownSession, prepare: ChildSpawn.nullStreams)
        if case .failure(let failure) = spawned { throw .commandFailed("cannot run \(executable): \(failure)") }
    }
}
