import ArgumentParser
import Foundation
import LimberCore

/// `limber repl`, and `limber` alone on a terminal: a Lua prompt with the limber API and the plugins.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "A Lua prompt with the limber API and your plugins loaded.",
        discussion: """
            An expression prints its value (tables pretty-printed); `_` holds the last result. \
            help() documents the API, .help lists the REPL's commands. Tab completes globals \
            and fields; Ctrl-C cancels the line or stops running code; Ctrl-D leaves. History \
            is kept in $XDG_STATE_HOME/limber/history.

            With standard input not a terminal, lines are read without prompts (so the REPL \
            can be scripted through a pipe); errors go to stderr and the exit code is 1 when \
            any statement failed.
            """
    )

    @OptionGroup var plugins: PluginOptions

    /// Whether `limber` with no arguments opens the REPL: standard input and output are terminals.
    static var opensByDefault: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    func run() throws {
        let plugins = self.plugins
        let code = try Self.onOwnThread { try Self.session(plugins: plugins) }
        if code != 0 { throw LimberFailure("", exitCode: code) }
    }

    /// One REPL session, start to end; returns the exit code.
    private static func session(plugins: PluginOptions) throws -> Int32 {
        let paths = LimberPaths.resolve()
        let stdout = Terminal(fileDescriptor: STDOUT_FILENO)
        var options = ReplPrintOptions()
        options.colour = stdout.colour
        if stdout.isTTY, let columns = terminalColumns() { options.width = max(40, columns - 2) }
        let repl = try Repl(makeHost: { try plugins.makeHost(paths: paths) }, printOptions: options)
        guard isatty(STDIN_FILENO) == 1 else { return repl.run(input: PlainInput()) }
        ReplInterrupts.install()
        defer { ReplInterrupts.uninstall() }
        let editor = LineEditor(history: ReplHistory(file: paths.history)) { [unowned repl] word in
            repl.complete(word)
        }
        return repl.run(input: editor)
    }

    private static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Runs the blocking REPL on a thread of its own, with a roomy stack for deep Lua code (the
    /// main thread's is the 8 MiB the system gives it), and waits for it to end.
    private static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = ThreadOutcome<T>()
        let thread = Thread {
            outcome.result = Result { try body() }
            outcome.done.signal()
        }
        thread.stackSize = 16 << 20
        thread.name = "limber-repl"
        thread.start()
        outcome.done.wait()
        guard let result = outcome.result else { throw LimberFailure("the REPL thread ended without a result") }
        return try result.get()
    }
}

/// What a thread hands back to the one that waits for it.
private final class ThreadOutcome<T: Sendable>: @unchecked Sendable {
    // Written by the thread before it signals `done`, read by the waiter after: the semaphore
    // orders the two accesses.
    var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)
}
