/// Everything that can go wrong on the Lua side of limber, with the cause kept.
package enum LuaError: Error, Equatable, CustomStringConvertible {
    /// A chunk did not compile; the message reads `file:line: message`.
    case syntax(String)
    /// Code raised an error; the message reads `file:line: message`.
    case runtime(String, traceback: String)
    /// The state's memory cap was reached.
    case memory(String)
    /// A value did not have the shape the host needs (the message names the field).
    case conversion(String)
    /// The script called `os.exit(code)`.
    case exit(Int32)
    /// A file could not be read.
    case file(path: String, reason: String)

    package var description: String {
        switch self {
        case .syntax(let message), .memory(let message), .conversion(let message): message
        case .runtime(let message, _): message
        case .exit(let code): "exit \(code)"
        case .file(let path, let reason): "\(path): \(reason)"
        }
    }

    /// The message without the traceback.
    package var message: String { description }

    /// The stack traceback, when the error came from running code.
    package var traceback: String? {
        if case .runtime(_, let traceback) = self, !traceback.isEmpty { return traceback }
        return nil
    }
}

extension LuaError {
    /// The error for a host function's argument of the wrong type, in one wording for both
    /// host-function forms: `bad argument #2 'fn' (function expected, got nil)`.
    package static func badArgument(_ position: Int, _ name: String, expected: String, got: String) -> LuaError {
        .conversion("bad argument #\(position) '\(name)' (\(expected) expected, got \(got))")
    }
}
