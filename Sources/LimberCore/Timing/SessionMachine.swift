/// The timer of a guided session as a pure state machine: told the time, it says what happened.
///
/// Times are offsets on some clock (`Duration` since any fixed origin). Every deadline is
/// computed from the session's start and the plan, never from the time an event was handled,
/// so a late consumer does not push later deadlines back (no drift). A pause shifts all later
/// deadlines by its length; a skip moves them earlier by what was left of the step.
///
/// ```
/// var machine = try SessionMachine(plan: plan)
/// var events = machine.start(at: .zero)
/// while let deadline = machine.nextDeadline { events = machine.advance(to: deadline) }
/// ```
package struct SessionMachine: Sendable {
    /// Where the session stands.
    package enum State: Sendable, Equatable {
        case idle
        case running
        /// Paused since this time.
        case paused(since: Duration)
        case finished
    }

    /// Fastest and slowest pace factor accepted.
    package static let paceRange = 0.1...100.0

    package let plan: SessionPlan
    /// How many times faster than real time the session runs.
    package let pace: Double
    package private(set) var state: State = .idle
    /// Index into `plan.segments` of the segment under way.
    package private(set) var segmentIndex = 0
    /// How the session ended, once it has.
    package private(set) var result: SessionDone?

    /// The time at which the plan's second 0 falls; moved by pauses and skips.
    private var shift: Duration = .zero
    private var origin: Duration = .zero
    private var pausedTotal: Duration = .zero
    /// The last plan second a tick was sent for (or the current segment's start).
    private var lastTick = 0
    private var setsCompleted = 0

    package init(plan: SessionPlan, pace: Double = 1) throws(RoutineError) {
        guard Self.paceRange.contains(pace) else {
            throw .invalidField(field: "pace", reason: "must be between 0.1 and 100, got \(pace)")
        }
        self.plan = plan
        self.pace = pace
    }

    /// The segment under way, unless the session is idle or over.
    package var currentSegment: SessionPlan.Segment? {
        switch state {
        case .running, .paused: plan.segments[segmentIndex]
        case .idle, .finished: nil
        }
    }

    /// When `advance` next has something to say; nil while paused, idle or finished.
    package var nextDeadline: Duration? {
        guard state == .running else { return nil }
        let segment = plan.segments[segmentIndex]
        return time(ofPlanSecond: min(lastTick + 1, segment.end))
    }

    // MARK: Driving

    /// Starts the session at `now`.
    package mutating func start(at now: Duration) -> [SessionEvent] {
        guard state == .idle else { return [] }
        state = .running
        shift = now
        origin = now
        var events: [SessionEvent] = [
            .sessionStart(
                SessionStart(
                    routine: plan.routine.id, name: plan.routine.name, pace: pace, steps: plan.steps.count,
                    sets: plan.setCount, plannedSeconds: plan.totalSeconds, getReady: plan.options.getReady))
        ]
        events += enter(0)
        events += advance(to: now)
        return events
    }

    /// Everything that has become due by `now`: segment changes in order, then the latest tick.
    package mutating func advance(to now: Duration) -> [SessionEvent] {
        guard state == .running else { return [] }
        var events: [SessionEvent] = []
        while time(ofPlanSecond: plan.segments[segmentIndex].end) <= now {
            events += leave(cutAt: nil)
            if segmentIndex + 1 == plan.segments.count {
                let end = time(ofPlanSecond: plan.segments[segmentIndex].end)
                events.append(finish(completed: true, at: end))
                return events
            }
            segmentIndex += 1
            events += enter(segmentIndex)
        }
        let segment = plan.segments[segmentIndex]
        var second = min(segment.end - 1, Int(planSeconds(at: now).rounded(.down)))
        // Agree with nextDeadline exactly, whatever the rounding of the pace division.
        while second > lastTick, time(ofPlanSecond: second) > now { second -= 1 }
        while second + 1 < segment.end, time(ofPlanSecond: second + 1) <= now { second += 1 }
        if second > lastTick {
            lastTick = second
            events.append(.tick(tick(for: segment, remaining: segment.end - second)))
        }
        return events
    }

    /// Applies a person's request at `now`.
    package mutating func apply(_ control: SessionControl, at now: Duration) -> [SessionEvent] {
        switch control {
        case .pause: return pause(at: now)
        case .resume: return resume(at: now)
        case .togglePause: return state == .running ? pause(at: now) : resume(at: now)
        case .skip: return skip(at: now)
        case .abort: return abort(at: now)
        }
    }

    /// Stops the clock; nothing is due until `resume`.
    package mutating func pause(at now: Duration) -> [SessionEvent] {
        var events = catchUp(to: now)
        guard state == .running else { return events }
        state = .paused(since: now)
        events.append(.paused(Pause(elapsed: elapsedSeconds(at: now))))
        return events
    }

    /// Starts the clock again; every later deadline moves by the length of the pause.
    package mutating func resume(at now: Duration) -> [SessionEvent] {
        guard case .paused(let since) = state else { return [] }
        let pauseLength = now - since
        shift += pauseLength
        pausedTotal += pauseLength
        state = .running
        return [.resumed(Pause(elapsed: elapsedSeconds(at: now)))] + advance(to: now)
    }

    /// Ends the current step now, cut short, and goes on to what follows it (its rest, if any).
    ///
    /// During get-ready or a rest, starts the next step. While paused, the session moves on and
    /// stays paused.
    package mutating func skip(at now: Duration) -> [SessionEvent] {
        var events: [SessionEvent] = []
        let at: Duration
        switch state {
        case .running:
            events = catchUp(to: now)
            guard state == .running else { return events }
            at = now
        case .paused(let since):
            at = since
        case .idle, .finished:
            return []
        }
        let segment = plan.segments[segmentIndex]
        var target = segmentIndex + 1
        switch segment.kind {
        case .hold(let step, _), .switchSides(let step, _):
            if case .hold = segment.kind { events += leave(cutAt: planSeconds(at: at)) }
            while target < plan.segments.count, Self.step(of: plan.segments[target].kind) == step { target += 1 }
        case .getReady, .rest:
            break
        }
        guard target < plan.segments.count else {
            events.append(finish(completed: true, at: at))
            return events
        }
        shift = at - scaled(.seconds(plan.segments[target].start))
        segmentIndex = target
        events += enter(target)
        if state == .running { events += advance(to: now) }
        return events
    }

    /// Ends the session now; a set under way is reported cut short.
    package mutating func abort(at now: Duration) -> [SessionEvent] {
        var events: [SessionEvent] = []
        let at: Duration
        switch state {
        case .running:
            events = catchUp(to: now)
            guard state == .running else { return events }
            at = now
        case .paused(let since):
            at = since
        case .idle:
            state = .finished
            return []
        case .finished:
            return []
        }
        if case .hold = plan.segments[segmentIndex].kind { events += leave(cutAt: planSeconds(at: at)) }
        events.append(finish(completed: false, at: at))
        return events
    }

    /// `advance` without its tick: what must be reported before a pause, skip or abort.
    private mutating func catchUp(to now: Duration) -> [SessionEvent] {
        advance(to: now).filter { if case .tick = $0 { false } else { true } }
    }

    // MARK: Segments

    private mutating func enter(_ index: Int) -> [SessionEvent] {
        let segment = plan.segments[index]
        lastTick = segment.start
        switch segment.kind {
        case .getReady, .rest:
            return []
        case .hold(let stepIndex, let side):
            let step = plan.steps[stepIndex]
            return [
                .stepStart(
                    StepStart(
                        step: step.number, exercise: step.exercise.id, side: side, sides: step.sides,
                        unit: step.unit, amount: step.amount, seconds: step.seconds))
            ]
        case .switchSides(let stepIndex, let side):
            let step = plan.steps[stepIndex]
            return [
                .sideSwitch(
                    SideSwitch(
                        step: step.number, exercise: step.exercise.id, from: side - 1, to: side, seconds: segment.seconds))
            ]
        }
    }

    /// Closes the current segment; `cutAt` is the plan second at which it was cut short.
    private mutating func leave(cutAt: Double?) -> [SessionEvent] {
        let segment = plan.segments[segmentIndex]
        guard case .hold(let stepIndex, let side) = segment.kind else { return [] }
        let step = plan.steps[stepIndex]
        let held =
            cutAt.map { min(Double(segment.seconds), max(0, $0 - Double(segment.start))) }
            ?? Double(segment.seconds)
        let completed = cutAt == nil
        let actual: Int
        if completed {
            actual = step.amount
            setsCompleted += 1
        } else if step.unit == .seconds {
            actual = Int(held.rounded(.down))
        } else {
            actual = Int((Double(step.amount) * held / Double(segment.seconds)).rounded(.down))
        }
        return [
            .stepDone(
                StepDone(
                    step: step.number, exercise: step.exercise.id, side: side, sides: step.sides, unit: step.unit,
                    planned: step.amount, actual: actual, plannedSeconds: segment.seconds,
                    actualSeconds: completed ? segment.seconds : Int(held.rounded(.down)), completed: completed,
                    rest: side == step.sides ? step.rest : 0))
        ]
    }

    private mutating func finish(completed: Bool, at time: Duration) -> SessionEvent {
        state = .finished
        let done = SessionDone(
            completed: completed, setsCompleted: setsCompleted, sets: plan.setCount,
            plannedSeconds: plan.totalSeconds, elapsedSeconds: elapsedSeconds(at: time))
        result = done
        return .sessionDone(done)
    }

    private func tick(for segment: SessionPlan.Segment, remaining: Int) -> Tick {
        let phase: SessionPhase
        let step: Int
        let side: Int
        switch segment.kind {
        case .getReady: (phase, step, side) = (.getReady, 1, 1)
        case .hold(let index, let s): (phase, step, side) = (.hold, index + 1, s)
        case .switchSides(let index, let to): (phase, step, side) = (.switchSides, index + 1, to)
        case .rest(let after): (phase, step, side) = (.rest, after + 2, 1)
        }
        return Tick(phase: phase, step: step, side: side, remaining: remaining, seconds: segment.seconds)
    }

    private static func step(of kind: SessionPlan.Segment.Kind) -> Int? {
        switch kind {
        case .hold(let step, _), .switchSides(let step, _): step
        case .getReady, .rest: nil
        }
    }

    // MARK: Time

    /// The clock time at which a plan second falls.
    private func time(ofPlanSecond second: Int) -> Duration {
        shift + scaled(.seconds(second))
    }

    private func scaled(_ duration: Duration) -> Duration {
        pace == 1 ? duration : duration / pace
    }

    /// The plan second (fractional) at clock time `now`.
    private func planSeconds(at now: Duration) -> Double {
        (now - shift).inSeconds * pace
    }

    /// Session seconds lived by `now`, pauses excluded, in plan seconds.
    private func elapsedSeconds(at now: Duration) -> Int {
        Int(((now - origin - pausedTotal).inSeconds * pace).rounded())
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
