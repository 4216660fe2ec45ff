import ArgumentParser
import Foundation
import LimberCore

/// How reminders and `limber.notify` reach the person: shared by `remind` and `cron`.
struct DeliveryOptions: ParsableArguments {
    enum Channel: String, ExpressibleByArgument, CaseIterable {
        case stdout, desktop
    }

    @Option(
        name: .customLong("notify"),
        help: ArgumentHelp(
            "Where messages go: stdout (default; cron mails it) or desktop (notify-send, needs a session bus).",
            valueName: "stdout|desktop"))
    var channel: Channel?

    @Option(
        name: .customLong("command"),
        help: ArgumentHelp(
            "Run this command with the message as its last argument instead (no shell; quotes group words).",
            valueName: "command"))
    var command: String?

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp(
            "Seconds a notifier may run before it is stopped.", valueName: "seconds"))
    var timeout: Double = DeliveryOptions.defaultTimeout

    /// `--timeout` when it is not given.
    static let defaultTimeout: Double = 10

    /// The options as plain values.
    var choice: DeliveryChoice { DeliveryChoice(channel: channel, command: command, timeout: timeout) }

    func validate() throws { try choice.validate() }

    var backend: DeliveryBackend { choice.backend }

    /// The deliverer: where the command line chose, else config.lua's `remind.deliver`, else
    /// standard output.
    func deliverer(
        environment: [String: String] = ProcessEnvironment.current, config: RemindSettings? = nil
    ) -> Deliverer {
        choice.deliverer(environment: environment, config: config)
    }

    /// The options as arguments again, for a crontab line or a systemd unit.
    var arguments: [String] { choice.arguments }
}
