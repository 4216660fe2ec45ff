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

    func validate() throws {
        if command != nil && channel == .desktop {
            throw ValidationError("choose one of --notify desktop and --command")
        }
        if let command, command.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--command is empty")
        }
        guard (try? CheckedNumber.duration(seconds: timeout, field: "--timeout", in: 0...3600)) != nil, timeout > 0 else {
            throw ValidationError("--timeout must be between 0 and 3600 seconds")
        }
    }

    var backend: DeliveryBackend {
        if let command { return .command(command) }
        return channel == .desktop ? .desktop : .standardOutput
    }

    /// Whether the command line chose where messages go.
    var chosen: Bool { command != nil || channel != nil }

    /// The deliverer: where the command line chose, else config.lua's `remind.deliver`, else
    /// standard output.
    func deliverer(
        environment: [String: String] = ProcessEnvironment.current, config: RemindSettings? = nil
    ) -> Deliverer {
        let backend = chosen ? backend : (config?.deliver ?? .standardOutput)
        return Deliverer(backend: backend, environment: environment, timeout: Self.duration(timeout))
    }

    /// The options as arguments again, for a crontab line or a systemd unit.
    var arguments: [String] {
        var arguments: [String] = []
        if let command {
            arguments += ["--command", command]
        } else if channel == .desktop {
            arguments += ["--notify", "desktop"]
        }
        if timeout != Self.defaultTimeout { arguments += ["--timeout", Self.format(timeout)] }
        return arguments
    }

    private static func format(_ seconds: Double) -> String {
        CheckedNumber.describe(seconds)
    }

    /// `--timeout` as a duration; `validate()` has already refused anything outside 0 to 3600 seconds.
    private static func duration(_ seconds: Double) -> Duration {
        (try? CheckedNumber.duration(seconds: seconds, field: "--timeout", in: 0...3600)) ?? .seconds(10)
    }
}
