import Foundation

/// The user's crontab, read with `crontab -l` and written with `crontab -`.
///
/// The command is `crontab` on `PATH`, or `LIMBER_CRONTAB` (a command line) when set, so tests
/// point it at a fake and never touch the real crontab.
package struct Crontab: Sendable {
    package let command: [String]
    package let environment: [String: String]

    package init(environment: [String: String]) throws(ReminderError) {
        self.environment = environment
        if let custom = environment["LIMBER_CRONTAB"], !custom.isEmpty {
            command = try CommandWords.split(custom)
        } else {
            command = ["crontab"]
        }
    }

    /// The current crontab; empty when the user has none.
    package func read() throws(ReminderError) -> String {
        let result = try run(["-l"], input: nil)
        let errors = String(decoding: result.errorOutput, as: UTF8.self)
        switch result.termination {
        case .exited(0):
            return String(decoding: result.output, as: UTF8.self)
        case .exited where errors.lowercased().contains("no crontab"):
            return ""
        default:
            throw failure("crontab -l", result)
        }
    }

    /// Replaces the crontab with `text`.
    package func write(_ text: String) throws(ReminderError) {
        let result = try run(["-"], input: Data(text.utf8))
        guard result.termination == .exited(0) else { throw failure("crontab -", result) }
    }

    private func run(_ arguments: [String], input: Data?) throws(ReminderError) -> TimedProcess.Result {
        guard let name = command.first, let program = TimedProcess.locate(name, environment: environment) else {
            throw .commandFailed(
                "\(command.first ?? "crontab") is not on PATH (\(TimedProcess.searchPath(environment))); install cron, or add the lines from `limber cron print` by hand"
            )
        }
        return try TimedProcess.run(
            program, arguments: Array(command.dropFirst()) + arguments, environment: environment, input: input,
            capture: true, timeout: .seconds(30))
    }

    private func failure(_ what: String, _ result: TimedProcess.Result) -> ReminderError {
        let errors =
            String(decoding: result.errorOutput, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let how =
            switch result.termination {
            case .exited(let code): "exited with status \(code)"
            case .signalled(let signal): "was killed by signal \(signal)"
            case .timedOut: "did not finish within 30 s"
            }
        return .commandFailed("\(what) \(how)" + (errors.isEmpty ? "" : ": \(errors)"))
    }
}
