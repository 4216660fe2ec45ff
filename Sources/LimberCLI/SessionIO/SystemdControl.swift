import Foundation
import LimberCore

/// `systemctl --user`, when a user service manager is running; the commands to run by hand when not.
struct SystemdControl {
    let environment: [String: String]

    /// Commands `cron install --systemd` runs (or prints).
    static let installCommands = [["daemon-reload"], ["enable", "--now", SystemdUnits.timerName]]
    /// Commands `cron remove --systemd` runs before deleting the units, and after.
    static let disableCommands = [["disable", "--now", SystemdUnits.timerName]]
    static let reloadCommands = [["daemon-reload"]]

    /// `systemctl`'s path, when the user's service manager answers.
    var systemctl: String? {
        guard let program = TimedProcess.locate("systemctl", environment: environment),
            let result = try? TimedProcess.run(
                program, arguments: ["--user", "is-system-running"], environment: environment, capture: true,
                timeout: .seconds(10))
        else { return nil }
        let state = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return ["running", "degraded", "starting", "initializing", "maintenance"].contains(state) ? program : nil
    }

    /// Runs `systemctl --user` with each command in turn; the first failure is the error.
    func run(_ commands: [[String]], with program: String) throws(ReminderError) {
        for command in commands {
            let result = try TimedProcess.run(
                program, arguments: ["--user"] + command, environment: environment, capture: true, timeout: .seconds(30))
            guard result.termination == .exited(0) else {
                let reason =
                    String(decoding: result.errorOutput, as: UTF8.self)
                    .split(whereSeparator: \.isNewline).first.map { ": \($0)" } ?? ""
                throw .commandFailed("systemctl --user \(command.joined(separator: " ")) failed\(reason)")
            }
        }
    }

    /// The commands as a person types them.
    static func typed(_ commands: [[String]]) -> [String] {
        commands.map { "systemctl --user " + $0.joined(separator: " ") }
    }
}
