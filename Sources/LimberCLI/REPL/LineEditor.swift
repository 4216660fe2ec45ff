@preconcurrency import CEditline
import Foundation

/// Lines typed at a terminal, edited with libedit's readline interface: history (kept in a
/// file across runs), Tab completion, and Ctrl-C told apart from Ctrl-D.
///
/// libedit's `readline` returns NULL both for Ctrl-D on an empty line and when a signal
/// interrupts its `read`. We turn libedit's own signal handling off (`rl_catch_signals = 0`:
/// it would put the terminal in cooked mode and re-raise the signal to the whole process group)
/// and rely on `ReplInterrupts`, whose SIGINT handler (installed without `SA_RESTART`) sets
/// `ReplInterrupts.pending`: NULL with `pending` set is Ctrl-C, NULL with errno EINTR and no
/// `pending` is another signal (read again), and a plain NULL is Ctrl-D.
///
/// libedit's readline state is process-global, so there is one editor at a time.
final class LineEditor: ReplInput {
    /// What Tab completes the word before the cursor with; set while an editor exists.
    nonisolated(unsafe) private static var completer: ((String) -> [String])?

    private let history: ReplHistory?
    private var lastRemembered: String?

    var isInteractive: Bool { true }

    /// Sets libedit up; `history` nil keeps no history file.
    init(history: ReplHistory?, completer: @escaping (String) -> [String]) {
        self.history = history
        Self.completer = completer
        setlocale(LC_CTYPE, "") // libedit needs the locale's encoding to edit UTF-8
        rl_readline_name = UnsafePointer(strdup("limber"))
        rl_catch_signals = 0
        rl_attempted_completion_function = { text, _, _ in LineEditor.completions(text) }
        // Dots and colons stay inside the word, so `limber.catalogue.fi` completes as one path.
        // (libedit reads rl_basic_word_break_characters; GNU readline the completer's.)
        let breaks = strdup(" \t\n\"'`@$><=;|&{}()[],+-*/%^#~")
        rl_basic_word_break_characters = UnsafePointer(breaks)
        rl_completer_word_break_characters = breaks
        rl_completion_append_character = 0
        if isatty(STDOUT_FILENO) == 0 { rl_outstream = fdopen(STDERR_FILENO, "w") }
        rl_initialize()
        stifle_history(Int32(history?.limit ?? 1000))
        for line in history?.load() ?? [] { add_history(line) }
        lastRemembered = nil
    }

    deinit {
        Self.completer = nil
    }

    func read(prompt: String) -> ReplInputEvent {
        while true {
            ReplInterrupts.pending = 0
            errno = 0
            rl_resize_terminal()
            let line = readline(prompt)
            let readError = errno
            defer { free(line) }
            if ReplInterrupts.pending != 0 {
                ReplInterrupts.pending = 0
                return .interrupt
            }
            guard let line else {
                if readError == EINTR { continue }
                return .end
            }
            return .line(String(cString: line))
        }
    }

    func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.contains("\n"), line != lastRemembered
        else { return }
        lastRemembered = line
        add_history(line)
        history?.append(line)
    }

    /// The readline completion callback: `[common prefix, match, match, ..., NULL]`, malloc'd
    /// for libedit to free; NULL (and no file-name fallback) when nothing matches.
    private static func completions(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let text, let completer else { return nil }
        // Whatever precedes the dotted name in the word (`#` in `#limber.cat`) stays as typed.
        let word = String(cString: text)
        let name = word.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == ":" }
        let head = String(word.dropLast(name.count))
        let matches = completer(String(name.reversed())).map { head + $0 }
        guard let first = matches.first else { return nil }
        var prefix = Array(first.utf8)
        for match in matches.dropFirst() {
            let bytes = Array(match.utf8)
            var length = 0
            while length < min(prefix.count, bytes.count) && prefix[length] == bytes[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        let entries = matches.count == 1 ? [first] : [String(decoding: prefix, as: UTF8.self)] + matches
        guard
            let array = calloc(entries.count + 1, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
                .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
        else { return nil }
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        return array
    }
}
