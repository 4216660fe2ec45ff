import Foundation
import LimberCore

/// Makes `limber.timer` sleeps interruptible: ending a guided session wakes a hook that sleeps.
///
/// Each sleep registers its task here; `interrupt()` cancels every one and makes later sleeps
/// return at once, until `release()`.
package final class SleepGate: @unchecked Sendable {
    private let lock = NSLock()
    private var sleeping: [Int: @Sendable () -> Void] = [:]
    private var next = 0
    private var interrupted = false

    package init() {}

    /// Sleeps on `clock` until `deadline`; false when the sleep was interrupted.
    func sleep(_ clock: AnyClock, until deadline: AnyClock.Instant) -> Bool {
        var ticket: Int?
        _ = try? CallerThread<Never>().run(
            { _ = try? await clock.sleep(until: deadline, tolerance: nil) },
            started: { [self] cancel in
                ticket = register(cancel)
                if ticket == nil { cancel() }
            })
        guard let ticket else { return false }
        return unregister(ticket)
    }

    /// Wakes every sleep now and keeps later ones from starting; safe from any thread.
    package func interrupt() {
        let cancels = lock.withLock {
            interrupted = true
            return Array(sleeping.values)
        }
        for cancel in cancels { cancel() }
    }

    /// Lets sleeps run again.
    package func release() {
        lock.withLock { interrupted = false }
    }

    private func register(_ cancel: @escaping @Sendable () -> Void) -> Int? {
        lock.withLock {
            guard !interrupted else { return nil }
            next += 1
            sleeping[next] = cancel
            return next
        }
    }

    /// Forgets a sleep; whether it ran to its end (not interrupted).
    private func unregister(_ ticket: Int) -> Bool {
        lock.withLock {
            sleeping[ticket] = nil
            return !interrupted
        }
    }
}

/// Stops a `limber.on` hook when its guided session is ended (q, Ctrl-C, SIGTERM), whatever the
/// hook is doing: its Lua code gets a held interrupt (pcall cannot catch it for good), its sleeps
/// wake, and no hook runs after the end.
final class HookInterrupter: @unchecked Sendable {
    private let lock = NSLock()
    private let state: LuaState
    private let sleeps: SleepGate
    private var running = false
    private var ended = false

    init(state: LuaState, sleeps: SleepGate) {
        self.state = state
        self.sleeps = sleeps
    }

    /// The session was ended: interrupt the hook that runs; safe from any thread.
    func end() {
        lock.withLock {
            ended = true
            if running {
                state.interruptHeld()
                sleeps.interrupt()
            }
        }
    }

    /// Whether a hook may start now (false once the session was ended).
    func begin() -> Bool {
        lock.withLock {
            guard !ended else { return false }
            running = true
            return true
        }
    }

    /// A hook returned: take back any interrupt meant for it.
    func finish() {
        lock.withLock {
            running = false
            if ended {
                state.releaseInterrupt()
                sleeps.release()
            }
        }
    }
}
