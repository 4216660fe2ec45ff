import ArgumentParser
import Foundation
import LimberCore

/// Where reminders go as the command line chose it, in plain values: what ``DeliveryOptions``
/// parses, and what `limber remind`'s parser shortcut makes without building the options'
/// property wrappers.
struct DeliveryChoice: Equatable {
    /// `--notify`.
    var channel: DeliveryOptions.Channel?
    /// `--command`.
    var command: String?
    /// `--timeout`, in seconds.
    var timeout: Double = DeliveryOptions.defaultTimeout

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
        if timeout != DeliveryOptions.defaultTimeout { arguments += ["--timeout", Self.format(timeout)] }
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
