import Foundation
import LimberLua

/// Ctrl-C and `kill` during a session: the first SIGINT or SIGTERM ends the session cleanly
/// (the log is finished, the terminal put back); a second one leaves at once.
final class SessionSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received: Int32?

    /// The signal that ended the session, if one did.
    var signal: Int32? { lock.withLock { received } }

    /// Starts listening; each first signal sends `.abort` to the session.
    func start(_ controls: SessionControls) {
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let first = lock.withLock {
                    defer { if received == nil { received = number } }
                    return received == nil
                }
                if first {
                    controls.send(.abort)
                } else {
                    TerminalModes.restore()
                    exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and gives the signals back their default behaviour.
    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in [SIGINT, SIGTERM] { Foundation.signal(number, SIG_DFL) }
    }
}
