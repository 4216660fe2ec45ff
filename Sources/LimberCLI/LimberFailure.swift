import LimberCore

/// A failure the user should read as one line on stderr, with the exit code to leave with.
public struct LimberFailure: Error, CustomStringConvertible {
    public let message: String
    public let exitCode: Int32

    /// The message may quote a plugin, the log or a file: its control characters are made
    /// visible (``TerminalSafe``), newlines kept.
    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message.terminalSafeLines
        self.exitCode = exitCode
    }

    /// Any error as a failure: its description is the line.
    public init(_ error: any Error, exitCode: Int32 = 1) {
        if let failure = error as? LimberFailure {
            self = failure
        } else {
            self.init(String(describing: error), exitCode: exitCode)
        }
    }

    public var description: String { message }
}
