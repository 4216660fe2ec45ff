import Foundation

/// What reading one line gave.
enum ReplInputEvent: Equatable {
    case line(String)
    /// Ctrl-C: drop the line (and any unfinished chunk), prompt again.
    case interrupt
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Where the REPL's lines come from.
protocol ReplInput: AnyObject {
    /// Whether a person is typing (prompts, banner, Ctrl-C handling).
    var isInteractive: Bool { get }
    /// Reads one line, showing `prompt` when interactive.
    func read(prompt: String) -> ReplInputEvent
    /// Keeps an entered line in the history.
    func remember(_ line: String)
}

/// Lines from a pipe or a file: no editing, no prompts, no history.
final class PlainInput: ReplInput {
    var isInteractive: Bool { false }

    func read(prompt: String) -> ReplInputEvent {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    func remember(_ line: String) {}
}
