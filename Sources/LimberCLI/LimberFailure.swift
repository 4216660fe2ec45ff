import LimberCore

/// A failure the user should read as one line on stderr, with the exit code to leave with.
package struct LimberFailure: Error, CustomStringConvertible {
    package let message: String
    package let exitCode: Int32

    /// The message may quote a plugin, the log or a file: its control characters are made
    /// visible (``TerminalSafe``), newlines kept.
    package init(_ message: String, exitCode: Int32 = 1) {
        self.message = message.terminalSafeLines
        self.exitCode = exitCode
    }

    /// Any error as a failure: its description is the line.
    package init(_ error: any Error, exitCode: Int32 = 1) {
        if let failure = error as? LimberFailure {
            self = failure
        } else {
            self.init(String(describing: error), exitCode: exitCode)
        }
    }

    package var description: String { message }
}
