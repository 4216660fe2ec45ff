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
}
