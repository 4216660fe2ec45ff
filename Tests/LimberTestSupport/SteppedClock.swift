import Foundation

/// A test clock that moves from one sleeper's deadline to the next, and only once the code under
/// test has gone back to sleep on it: a deadline is never passed before that code has seen it,
/// however loaded the machine is.
///
/// A `TestClock` advanced in small steps is a race: when the code under test is slow to call
/// `sleep` (the machine is busy), the clock has already moved past its deadline, the sleep
/// returns at once, and two deadlines are handled as one (a session driver then sends one tick
/// for two seconds). This clock waits instead. It fits code with one line of activity (a session
/// driver and its consumer): at any moment that code is asleep on the clock, running, waiting for
/// something else (a paused session waits for a control), or finished. `advance(by:)` waits while
/// it runs; after a sleep of it was woken or cancelled, only a new sleep or `finish()` says it
/// stopped running. While it waits for something else, `pass(_:)` moves the clock without waiting.
package final class SteppedClock: Clock, @unchecked Sendable {
    /// A point on the clock: the time since it was made.
    package struct Instant: InstantProtocol {
        package var offset: Duration

        package func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        package func duration(to other: Instant) -> Duration { other.offset - offset }
        package static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let id: Int
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var current = Instant(offset: .zero)
    private var sleepers: [Sleeper] = []
    private var lastID = 0
    /// Sleeps begun so far.
    private var sleepsBegun = 0
    /// `sleepsBegun` when the clock last woke a sleeper or a sleep was cancelled: the code under
    /// test is running again until a sleep begins after it.
    private var runningSince = 0
    private var finished = false
    private var watcher: CheckedContinuation<Void, Never>?

    package init() {}

    package var now: Instant { lock.withLock { current } }

    package var minimumResolution: Duration { .zero }

    package func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = lock.withLock {
            lastID += 1
            return lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, watcher) = lock.withLock { () -> (Result<Void, any Error>?, CheckedContinuation<Void, Never>?) in
                    if Task.isCancelled { return (.failure(CancellationError()), nil) }
                    if deadline <= current { return (.success(()), nil) }
                    sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    sleepsBegun += 1
                    defer { self.watcher = nil }
                    return (nil, self.watcher)
                }
                if let outcome { continuation.resume(with: outcome) }
                watcher?.resume()
            }
        } onCancel: {
            let sleeper = lock.withLock { () -> Sleeper? in
                runningSince = sleepsBegun
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward by `duration`, deadline by deadline: each time the code under test
    /// is asleep again (or finished), to the earliest deadline within reach, waking whoever sleeps
    /// until it; then to the end.
    package func advance(by duration: Duration) async {
        let target = now.advanced(by: duration)
        while true {
            await asleepOrFinished()
            guard let woken = wakeNext(upTo: target) else { return }
            for sleeper in woken { sleeper.continuation.resume() }
        }
    }

    /// Moves the clock forward by `duration` without waiting for the code under test to sleep,
    /// for when it waits for something other than the clock; wakes whoever sleeps until then.
    package func pass(_ duration: Duration) {
        let target = now.advanced(by: duration)
        while let woken = wakeNext(upTo: target) {
            for sleeper in woken { sleeper.continuation.resume() }
        }
    }

    /// Says the code under test has finished: it will not sleep again, so `advance` stops
    /// waiting for it.
    package func finish() {
        let watcher = lock.withLock {
            finished = true
            defer { self.watcher = nil }
            return self.watcher
        }
        watcher?.resume()
    }

    /// Sets the clock to the earliest deadline up to `target` and returns who sleeps until it, or
    /// sets it to `target` and returns nil when nobody does.
    private func wakeNext(upTo target: Instant) -> [Sleeper]? {
        lock.withLock {
            guard let earliest = sleepers.map(\.deadline).min(), earliest <= target else {
                current = max(current, target)
                return nil
            }
            current = earliest
            let woken = sleepers.filter { $0.deadline <= earliest }
            sleepers.removeAll { $0.deadline <= earliest }
            runningSince = sleepsBegun
            return woken
        }
    }

    /// Returns once a sleep has begun since the code under test last started running, or it
    /// has finished.
    private func asleepOrFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock {
                if finished || sleepsBegun > runningSince { return true }
                watcher = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
