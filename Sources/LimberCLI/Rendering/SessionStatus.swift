import LimberCore

/// Where a guided session stands, as its events tell it: what a display shows.
struct SessionStatus {
    let plan: SessionPlan
    let pace: Double
    /// The part of the session under way.
    var phase: SessionPhase = .getReady
    /// 0-based index of the step shown: the current one, or during get-ready and rest the next.
    var step = 0
    var side = 1
    /// Whole seconds left in the segment, and its length.
    var remaining = 0
    var seconds = 0
    var paused = false
    var done: SessionDone?
    /// Sets started so far.
    var started = false

    init(plan: SessionPlan, pace: Double) {
        self.plan = plan
        self.pace = pace
        remaining = plan.options.getReady
        seconds = plan.options.getReady
    }

    mutating func apply(_ event: SessionEvent) {
        switch event {
        case .sessionStart(let start):
            phase = .getReady
            remaining = start.getReady
            seconds = start.getReady
        case .stepStart(let start):
            started = true
            phase = .hold
            step = start.step - 1
            side = start.side
            remaining = start.seconds
            seconds = start.seconds
        case .tick(let tick):
            phase = tick.phase
            step = tick.step - 1
            side = tick.side
            remaining = tick.remaining
            seconds = tick.seconds
        case .sideSwitch(let change):
            phase = .switchSides
            side = change.to
            remaining = change.seconds
            seconds = change.seconds
        case .stepDone(let done):
            if done.rest > 0, done.side == done.sides, done.step < plan.steps.count {
                phase = .rest
                step = done.step
                side = 1
                remaining = done.rest
                seconds = done.rest
            }
        case .paused:
            paused = true
        case .resumed:
            paused = false
        case .sessionDone(let done):
            self.done = done
        }
    }

    /// The step shown.
    var current: SessionPlan.Step { plan.steps[min(step, plan.steps.count - 1)] }

    /// Seconds left in the whole session, by the plan.
    var totalLeft: Int {
        let kind: SessionPlan.Segment.Kind
        switch phase {
        case .getReady: kind = .getReady
        case .hold: kind = .hold(step: step, side: side)
        case .switchSides: kind = .switchSides(step: step, to: side)
        case .rest: kind = .rest(after: step - 1)
        }
        guard let segment = plan.segments.first(where: { $0.kind == kind }) else { return remaining }
        return plan.totalSeconds - segment.end + remaining
    }

    /// What comes after the segment under way, in words (during get-ready and rest: after the
    /// set coming up).
    var next: String {
        let step = current
        switch phase {
        case .hold:
            if side < step.sides { return "\(step.exercise.name.terminalSafe), right side" }
            return following(after: self.step)
        case .switchSides:
            return "\(step.exercise.name.terminalSafe), right side"
        case .getReady, .rest:
            if step.sides == 2 { return "\(step.exercise.name.terminalSafe), right side" }
            return following(after: self.step)
        }
    }

    private func following(after index: Int) -> String {
        guard index + 1 < plan.steps.count else { return "finish" }
        let next = plan.steps[index + 1]
        return "\(next.exercise.name.terminalSafe) · \(SessionText.dose(next.amount, next.unit))"
    }
}
