import Foundation
import LimberLua

/// Ctrl-C in the interactive REPL.
///
/// One SIGINT handler is installed for as long as the interactive REPL runs (so Ctrl-C never
/// kills it, not even between two statements) and the previous disposition is restored when
/// it ends. The handler does two async-signal-safe things:
/// - it sets `pending`, which the line editor reads to tell Ctrl-C from Ctrl-D (libedit's
///   `readline` returns NULL for both; with `rl_catch_signals = 0` and no `SA_RESTART`, Ctrl-C
///   makes the blocked `read` fail with EINTR and `readline` return);
/// - while Lua code runs (`armed`), it interrupts that state through its `LuaInterruptHandle`,
///   like the reference interpreter's `laction`: the code stops with an "interrupted" error.
///
/// The kernel may deliver SIGINT to any thread that does not block it; the handler forwards it
/// with `pthread_kill` to the REPL's thread (which `install()` makes sure does not block it),
/// so the right `read` is interrupted and the Lua state is only touched from its own thread.
///
/// Code that must react to Ctrl-C outside the handler (ending a guided session) can `listen`:
/// the handler also writes a byte to a pipe (`write` is async-signal-safe), and the listener is
/// called from a dispatch queue that reads it.
///
/// The state lives in static properties of plain types (no reference counting in the
/// handler); `install()` touches all of them before the handler can run, so a handler's access
/// never runs their lazy initialisation.
enum ReplInterrupts {
    nonisolated(unsafe) static var pending: sig_atomic_t = 0
    nonisolated(unsafe) static var target: LuaInterruptHandle? = nil
    nonisolated(unsafe) static var thread: pthread_t = pthread_self()
    nonisolated(unsafe) private static var previous = sigaction()
    nonisolated(unsafe) private static var installed = false
    /// The pipe the handler writes a byte to on each Ctrl-C; -1 when there is none.
    nonisolated(unsafe) static var wakeWrite: Int32 = -1
    nonisolated(unsafe) private static var wakeRead: Int32 = -1
    nonisolated(unsafe) private static var listener: (any DispatchSourceRead)?
    /// Whether Ctrl-C was pressed during the last `whileRunning`.
    nonisolated(unsafe) private(set) static var lastRunInterrupted = false

    /// Installs the handler for the calling thread (the REPL's).
    static func install() {
        pending = 0
        target = nil
        setHandler()
    }

    /// Puts the handler back if something (a session presenter) replaced it meanwhile.
    static func reassert() {
        guard installed else { return }
        setHandler()
    }

    private static func setHandler() {
        thread = pthread_self()
        if wakeRead < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                }
                wakeRead = ends[0]
                wakeWrite = ends[1]
            }
        }
        // A thread inherits its creator's signal mask, and Swift concurrency's threads block
        // SIGINT: unblock it here, or the forwarded signal would stay pending forever.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handleInterrupt
        #else
            action.__sigaction_u.__sa_handler = handleInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0 // no SA_RESTART: a blocked read must return EINTR
        if installed {
            sigaction(SIGINT, &action, nil)
        } else {
            sigaction(SIGINT, &action, &previous)
        }
        installed = true
    }

    /// Restores what SIGINT did before `install()`.
    static func uninstall() {
        guard installed else { return }
        stopListening()
        target = nil
        sigaction(SIGINT, &previous, nil)
        installed = false
    }

    /// Calls `action` on a dispatch queue (never in the signal handler) for each Ctrl-C from
    /// now until `stopListening()`.
    static func listen(_ action: @escaping @Sendable () -> Void) {
        stopListening()
        guard installed, wakeRead >= 0 else { return }
        let descriptor = wakeRead
        drain(descriptor)
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .global())
        source.setEventHandler {
            drain(descriptor)
            action()
        }
        source.resume()
        listener = source
    }

    /// Stops calling the listener.
    static func stopListening() {
        listener?.cancel()
        listener = nil
    }

    private static func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }

    /// Runs `body` with Ctrl-C interrupting `lua`; afterwards the state can run code again.
    static func whileRunning<T>(_ lua: LuaState, _ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        guard installed else { return try body() }
        pending = 0
        target = lua.interruptHandle
        defer {
            target = nil
            reassert()
            lua.resetStop()
            lastRunInterrupted = pending != 0
            pending = 0
        }
        return try body()
    }
}

/// The SIGINT handler; see `ReplInterrupts`.
private func handleInterrupt(_ signal: Int32) {
    let replThread = ReplInterrupts.thread
    if pthread_equal(pthread_self(), replThread) == 0 {
        pthread_kill(replThread, SIGINT)
        return
    }
    ReplInterrupts.pending = 1
    ReplInterrupts.target?.interrupt()
    let wake = ReplInterrupts.wakeWrite
    if wake >= 0 {
        var byte: UInt8 = 1
        _ = write(wake, &byte, 1) // non-blocking: a full pipe already says "Ctrl-C"
    }
}
