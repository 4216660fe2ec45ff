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

            First it imports new files from the watched run folders of config.lua \
            (runs = { folders = {...} }), so a run nobody typed in counts; a file that cannot be \
            read is one line on stderr, once.

            Only plugins with a reminder that may be due now are loaded (none when nothing can be \
            due); which those are is kept in $XDG_CACHE_HOME/limber/remind-index, rebuilt whenever \
            a plugin or config.lua changes (deleting it is always safe).

            Nothing due: no output, exit 0 (cron mails any output). A due function that raises \
            is one line on stderr (file:line: message), the other reminders still run, and the \
            exit code is 1. A second run while one is going exits at once, quietly, with 0.

            Times are local (TZ, else /etc/localtime). For tests, --now or LIMBER_NOW sets the \
            time: epoch seconds, ISO 8601 with an offset (2025-06-04T18:10:00-04:00) or a local \
            2025-06-04T18:10.

            Delivery: --notify or --command, else remind = { deliver = ... } in config.lua, else \
            stdout. --snooze ID 10m puts a reminder off: it is held back until then and delivered \
            again if it is still due. Desktop notifications offer Start and Snooze 10 min where \
            the notification server supports actions.
            """
    )

    @Flag(help: "Print one JSON object per line for each reminder delivered.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Show every reminder and whether it is due; deliver and record nothing.")
    var dryRun = false

    @OptionGroup var delivery: DeliveryOptions

    @Option(
        name: .customLong("snooze"),
        help: ArgumentHelp(
            "Put the reminder with this id off for DURATION (10m, 1h, 90s; default 10m).", valueName: "id"))
    var snoozeID: String?

    @Argument(help: ArgumentHelp("With --snooze: how long (10m, 1h30m, 2h; a bare number is minutes).", valueName: "duration"))
    var snoozeDuration: String?

    @Option(name: .customLong("await-action"), help: .hidden)
    var awaitActionID: String?

    @Option(name: .customLong("message"), help: .hidden)
    var actionMessage: String?

    @Option(name: .customLong("now"), help: .hidden)
    var nowText: String?

    func validate() throws {
        if snoozeDuration != nil && snoozeID == nil {
            throw ValidationError("a duration goes with --snooze ID, as in: limber remind --snooze evening 10m")
        }
        if snoozeID != nil && (dryRun || awaitActionID != nil) {
            throw ValidationError("--snooze cannot be combined with --dry-run")
        }
    }

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        try plain.run()
    }

    /// The command as plain values, which is what runs (the parser shortcut makes one directly).
    var plain: RemindRun {
        RemindRun(
            json: json, dryRun: dryRun, delivery: delivery.choice, snoozeID: snoozeID, snoozeDuration: snoozeDuration,
            awaitActionID: awaitActionID, actionMessage: actionMessage, nowText: nowText, pluginFolders: plugins.folders)
    }

    /// Imports new files of the watched run folders; each file that cannot be read is one line
    /// on stderr (once: an unchanged file that failed is not read again). Returns the failures.
    static func importWatchedRuns(
        config: LimberConfig, log: () throws -> SessionLog, environment: [String: String], now: Date, timeZone: TimeZone
    ) throws -> Int {
        guard !config.runFolders.isEmpty else { return 0 }
        let reports = try CommandLog.perform {
            try WatchedRunFolders.scan(config, environment: environment, log: try log(), timeZone: timeZone, now: now)
        }
        RunText.printReports(reports, verbose: false, quiet: true)
        return reports.count(where: \.failed)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
