import Foundation

/// Runs a ``SessionMachine`` against a clock: sleeps until the next deadline, hands events to a
/// consumer, and takes controls (pause, skip, ...) from any thread at any time.
///
/// There is no polling: between deadlines the driver is suspended in `clock.sleep(until:)`,
/// and while paused it waits for the next control. Deadlines come from the machine, measured
/// from the session's start, so a slow consumer delays what it sees but never the schedule.
package final class SessionDriver<C: Clock<Duration>>: @unchecked Sendable {
    private let clock: C
    private let lock = NSLock()
    // Guarded by `lock`.
    private var machine: SessionMachine
    private var pending: [SessionControl] = []
    private var controlWaiter: CheckedContinuation<Void, Never>?
    private var started = false

    /// A driver for `plan` at `pace` on `clock`.
    package init(plan: SessionPlan, pace: Double = 1, clock: C) throws(RoutineError) {
        self.machine = try SessionMachine(plan: plan, pace: pace)
        self.clock = clock
    }

    /// Asks the session to pause, resume, skip or end; safe from any thread, applied promptly.
    package func send(_ control: SessionControl) {
        let waiter = lock.withLock {
            pending.append(control)
            defer { controlWaiter = nil }
            return controlWaiter
        }
        waiter?.resume()
    }

    /// Runs the session to its end, awaiting `emit` for each event in order.
    ///
    /// Cancelling the calling task ends the session early (as `abort` does). Returns how the
    /// session ended; nil if this driver had already run.
    @discardableResult
    package func run(_ emit: (SessionEvent) async -> Void) async -> SessionDone? {
        let origin = clock.now
        let now = { [clock] in origin.duration(to: clock.now) }
        guard
            let first = lock.withLock({ () -> [SessionEvent]? in
                guard !started else { return nil }
                started = true
                return machine.start(at: .zero)
            })
        else { return nil }
        var events = first
        while true {
            for event in events { await emit(event) }
            if Task.isCancelled { lock.withLock { pending.append(.abort) } }
            let next: Next = lock.withLock {
                if machine.state == .finished { return .finished }
                if !pending.isEmpty { return .controls }
                return .sleep(machine.nextDeadline)
            }
            switch next {
            case .finished: return lock.withLock { machine.result }
            case .controls: break
            case .sleep(let deadline):
                await wait(until: deadline.map { origin.advanced(by: $0) })
                if Task.isCancelled { lock.withLock { pending.append(.abort) } }
            }
            events = lock.withLock {
                let at = now()
                var events: [SessionEvent] = []
                for control in pending { events += machine.apply(control, at: at) }
                pending.removeAll()
                return events + machine.advance(to: at)
            }
        }
    }

    private enum Next {
        case finished
        case controls
        /// Until the deadline, or with none (paused) until a control comes.
        case sleep(Duration?)
    }

    /// Sleeps until `deadline` (or, with none, indefinitely) unless a control or a cancellation
    /// comes first. Structured, so the sleep runs on whatever executor the caller prefers.
    private func wait(until deadline: C.Instant?) async {
        await withTaskGroup(of: Void.self) { group in
            if let deadline {
                group.addTask { [clock] in try? await clock.sleep(until: deadline, tolerance: nil) }
            }
            group.addTask { [self] in await nextControl() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns when a control is pending or the task is cancelled.
    private func nextControl() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = lock.withLock { () -> Bool in
                    if !pending.isEmpty || Task.isCancelled { return true }
                    controlWaiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock {
                defer { controlWaiter = nil }
                return controlWaiter
            }
            waiter?.resume()
        }
    }
}
