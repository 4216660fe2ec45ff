@_exported import Clocks
import Foundation
import LimberCore

/// Collects the events of a session together with the test-clock time each one arrived.
package final class SessionRecorder: @unchecked Sendable {
    /// One event and when the consumer saw it, measured from the recorder's start.
    package struct Entry: Sendable {
        package let time: Duration
        package let event: SessionEvent
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    /// Who waits for an event (`waitUntilRecorded`), with what they wait for.
    private var waiters: [(name: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    private let now: @Sendable () -> Duration

    /// A recorder that stamps events with `clock`'s time since now.
    package init<C: Clock<Duration>>(clock: C) {
        let start = clock.now
        now = { start.duration(to: clock.now) }
    }

    /// Records one event.
    package func record(_ event: SessionEvent) {
        let time = now()
        let arrived = lock.withLock {
            entries.append(Entry(time: time, event: event))
            let arrived = waiters.filter { waiter in entries.filter { $0.event.name == waiter.name }.count >= waiter.count }
            waiters.removeAll { waiter in entries.filter { $0.event.name == waiter.name }.count >= waiter.count }
            return arrived
        }
        for waiter in arrived { waiter.continuation.resume() }
    }

    /// Returns once an event named `name` has been recorded `count` times, however long that
    /// takes: for a driver on a `SteppedClock`, where nothing is left to chance, so a session
    /// that never gets there hangs the test (give it a `.timeLimit`) rather than passing.
    package func waitUntilRecorded(_ name: String, count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let arrived = lock.withLock {
                if entries.filter({ $0.event.name == name }).count >= count { return true }
                waiters.append((name, count, continuation))
                return false
            }
            if arrived { continuation.resume() }
        }
    }

    /// Everything recorded so far.
    package var all: [Entry] { lock.withLock { entries } }

    /// The events without their times.
    package var events: [SessionEvent] { all.map(\.event) }

    /// Event names without ticks, in order: the shape of a session.
    package var outline: [String] { events.filter { $0.name != "tick" }.map(\.name) }

    /// Whether `session_done` has arrived.
    package var isDone: Bool { events.contains { $0.name == "session_done" } }

    /// Yields until an event named `name` has arrived `count` times (or a generous number of
    /// yields has passed): lets a control sent to a driver take effect before the clock moves.
    /// Returns whether it arrived; tests `#require` it, so a session that never got there fails
    /// at the wait rather than somewhere later, or not at all.
    @discardableResult
    package func wait(for name: String, count: Int = 1) async -> Bool {
        func arrived() -> Bool { events.filter({ $0.name == name }).count >= count }
        for _ in 0..<200 where !arrived() {
            await Task.megaYield(count: 5)
        }
        return arrived()
    }
}

extension TestClock<Duration> {
    /// Moves the clock forward by `total` in small steps, stopping early once `done()` holds.
    ///
    /// Small steps keep tests robust on a busy machine: if a sleeper registers late, the
    /// clock has only gone one step past its deadline, not the whole way.
    package func advanceInSteps(
        by total: Duration, step: Duration = .milliseconds(250), until done: () -> Bool = { false }
    ) async {
        var moved = Duration.zero
        while !done(), moved < total {
            let next = min(step, total - moved)
            await advance(by: next)
            moved += next
        }
    }
}
