import Foundation
import LimberCore
import LimberLua

/// Guided sessions started at the interactive prompt (`limber.session.start(...)`).
///
/// It wraps the presenter that shows sessions (the live display), and makes sure a session
/// gives the prompt back in working order:
/// - Ctrl-C ends the session: a presenter of its own may take SIGINT over for that; without
///   one, this listens to the REPL's handler and sends `.abort`. The REPL's handler also stops
///   the Lua code that started the session ("interrupted"), as for any running code.
/// - When the session ends, the REPL's SIGINT handler is put back (a presenter that took SIGINT
///   over may have left the default behind, and the next Ctrl-C would end the REPL).
/// - The terminal mode is libedit's business only while a line is read: `readline` sets raw
///   mode from whatever cooked mode it finds, so a presenter only has to restore the mode it
///   found (its own `sessionDidEnd`).
final class ReplSessionPresenter: SessionPresenter {
    private let inner: (any SessionPresenter)?
    private let output: ReplOutput

    init(wrapping inner: (any SessionPresenter)?, output: ReplOutput) {
        self.inner = inner
        self.output = output
    }

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) {
        if let inner {
            inner.sessionWillStart(plan, pace: pace, controls: controls)
        } else {
            ReplInterrupts.listen { controls.send(.abort) }
        }
    }

    func present(_ event: SessionEvent) {
        inner?.present(event)
    }

    func hookFailed(_ message: String) {
        if let inner {
            inner.hookFailed(message)
        } else {
            output.error(output.errorTerminal.red("limber: \(message.terminalSafeLines)") + "\n")
        }
    }

    func output(_ text: String) {
        if let inner {
            inner.output(text)
        } else {
            output.out(text)
        }
    }

    func sessionDidEnd() {
        if let inner {
            inner.sessionDidEnd()
        } else {
            ReplInterrupts.stopListening()
        }
        ReplInterrupts.reassert()
    }
}
