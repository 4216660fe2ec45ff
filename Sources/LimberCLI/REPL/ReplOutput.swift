import Foundation

/// Where the REPL writes: results to standard output, errors to standard error.
///
/// Lua's `print` and `io.write` go through C's stdio buffers; every write here first flushes
/// them (`fflush(NULL)`), so what the REPL prints and what the code printed come out in the
/// order they happened.
struct ReplOutput {
    /// Styles for standard error (red errors on a colour terminal).
    let errorTerminal: Terminal

    init(errorTerminal: Terminal = Terminal(fileDescriptor: STDERR_FILENO)) {
        self.errorTerminal = errorTerminal
    }

    /// Writes text to standard output.
    func out(_ text: String) { Self.write(text, to: STDOUT_FILENO) }

    /// Writes text to standard error.
    func error(_ text: String) { Self.write(text, to: STDERR_FILENO) }

    /// Flushes what Lua code left in C's output buffers.
    func flush() { fflush(nil) }

    private static func write(_ text: String, to descriptor: Int32) {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
