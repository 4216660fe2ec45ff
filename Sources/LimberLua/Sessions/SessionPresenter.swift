import Foundation
import LimberCore

/// Shows a guided session to a person and lets them steer it.
///
/// The Lua host knows nothing of terminals: the CLI installs a presenter on the host
/// (`host.sessions.presenter`) and every session, whether `limber start` or a script's
/// `limber.session.start`, goes through it. All calls come on the host's thread, in order.
package protocol SessionPresenter: AnyObject {
    /// The session is about to start; `controls` pauses, skips or ends it, from any thread.
    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls)
    /// One event, in order, as the session emits it.
    func present(_ event: SessionEvent)
    /// A `limber.on` hook raised an error (`file:line: message`); the session goes on.
    func hookFailed(_ message: String)
    /// The session is over, normally or not: put the terminal back as it was.
    func sessionDidEnd()
    /// What a hook printed during the session (ends in a newline); show it without the
    /// session's display drawing over it.
    func output(_ text: String)
}

extension SessionPresenter {
    /// By default, printed text goes to standard output as it would without a session.
    package func output(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }
}

/// A handle on a running session: pause, resume, skip or end it, from any thread.
package struct SessionControls: Sendable {
    private let deliver: @Sendable (SessionControl) -> Void

    package init(_ deliver: @escaping @Sendable (SessionControl) -> Void) {
        self.deliver = deliver
    }

    /// Asks the session to pause, resume, skip or end.
    package func send(_ control: SessionControl) {
        deliver(control)
    }
}
