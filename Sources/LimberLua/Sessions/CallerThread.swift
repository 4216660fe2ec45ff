import Foundation

/// Runs async work to completion on the calling thread, which blocks until it is done.
///
/// Host functions are synchronous and Lua must be called on its own thread, but timers and
/// sessions are async (they sleep on an injected `Clock`). `CallerThread` bridges the two:
/// it is a `TaskExecutor`, so the work's tasks run on the thread that is waiting for them
/// (no other thread, no cooperative-pool thread blocked), and the work can `post` messages
/// that the waiting thread handles between jobs, e.g. to call Lua hooks on the Lua thread.
///
/// While nothing is runnable the thread sleeps on a condition variable: there is no polling.
final class CallerThread<Message: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [UnownedJob] = []
    private var messages: [Message] = []
    private var finished = false

    /// Hands a message to the waiting thread; safe from any thread.
    func post(_ message: Message) {
        condition.lock()
        messages.append(message)
        condition.signal()
        condition.unlock()
    }

    /// Runs `work` and returns its result, handling each posted message with `handle` on this
    /// thread in the order posted. If `handle` throws, `work`'s task is cancelled, the work is
    /// still waited for, and the first error is rethrown.
    /// `started` receives a way to cancel the work from any thread, before the work runs.
    func run<Result: Sendable>(
        _ work: @escaping @Sendable () async -> Result,
        handle: (Message) throws -> Void = { _ in },
        started: ((@escaping @Sendable () -> Void) -> Void)? = nil
    ) throws -> Result {
        let box = ResultBox<Result>()
        let task = start { [self] in
            finish(box, with: await work())
        }
        started?({ task.cancel() })
        var failure: (any Error)?
        while true {
            condition.lock()
            while jobs.isEmpty, messages.isEmpty, !finished { condition.wait() }
            let runnable = jobs
            let posted = messages
            let done = finished && jobs.isEmpty && messages.isEmpty
            jobs.removeAll()
            messages.removeAll()
            condition.unlock()
            if done { break }
            for job in runnable { runJob(job) }
            for message in posted where failure == nil {
                do {
                    try handle(message)
                } catch {
                    failure = error
                    task.cancel()
                }
            }
        }
        if let failure { throw failure }
        guard let value = box.value else { throw CancellationError() }
        return value
    }

    private func start(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        if #available(macOS 15.0, iOS 18.0, *) {
            return Task(executorPreference: self) { await body() }
        }
        // Older Apple systems: the work runs on the shared pool; messages still come here.
        return Task.detached { await body() }
    }

    private func finish<Result>(_ box: ResultBox<Result>, with result: Result) {
        condition.lock()
        box.value = result
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func append(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runJob(_ job: UnownedJob) {
        if #available(macOS 15.0, iOS 18.0, *) {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

@available(macOS 15.0, iOS 18.0, *)
extension CallerThread: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        append(UnownedJob(job))
    }
}

/// Where the work leaves its result for the waiting thread.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
