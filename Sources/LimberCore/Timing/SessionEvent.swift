/// What a guided session reports as it runs; renderers, Lua hooks and the log subscribe to these.
///
/// Step numbers are 1-based positions in the routine. Seconds are session seconds: a paused
/// stretch does not count, and with a pace factor they are the plan's seconds, not the wall's.
/// `stepStart` and `stepDone` bracket one set: a two-sided step has two sets, with a
/// `sideSwitch` between them.
package enum SessionEvent: Sendable, Equatable {
    case sessionStart(SessionStart)
    case stepStart(StepStart)
    case tick(Tick)
    case sideSwitch(SideSwitch)
    case stepDone(StepDone)
    case paused(Pause)
    case resumed(Pause)
    case sessionDone(SessionDone)

    /// The event's name as scripts see it (`step_done`).
    package var name: String {
        switch self {
        case .sessionStart: "session_start"
        case .stepStart: "step_start"
        case .tick: "tick"
        case .sideSwitch: "side_switch"
        case .stepDone: "step_done"
        case .paused: "paused"
        case .resumed: "resumed"
        case .sessionDone: "session_done"
        }
    }

    /// Every event name, in the order a session first emits them.
    package static let names = [
        "session_start", "step_start", "tick", "side_switch", "step_done", "paused", "resumed", "session_done",
    ]
}

/// The session begins; a get-ready countdown of `getReady` seconds follows if it is not 0.
package struct SessionStart: Sendable, Equatable {
    package var routine: String
    package var name: String
    /// How many times faster than real time the session runs (1 for real time).
    package var pace: Double
    package var steps: Int
    package var sets: Int
    package var plannedSeconds: Int
    package var getReady: Int

    package init(routine: String, name: String, pace: Double, steps: Int, sets: Int, plannedSeconds: Int, getReady: Int) {
        self.routine = routine
        self.name = name
        self.pace = pace
        self.steps = steps
        self.sets = sets
        self.plannedSeconds = plannedSeconds
        self.getReady = getReady
    }
}

/// A set begins: one side of one step.
package struct StepStart: Sendable, Equatable {
    package var step: Int
    package var exercise: String
    package var side: Int
    package var sides: Int
    /// What `amount` counts: seconds, reps or breaths.
    package var unit: Dose.Unit
    package var amount: Int
    /// How long the set lasts.
    package var seconds: Int

    package init(step: Int, exercise: String, side: Int, sides: Int, unit: Dose.Unit, amount: Int, seconds: Int) {
        self.step = step
        self.exercise = exercise
        self.side = side
        self.sides = sides
        self.unit = unit
        self.amount = amount
        self.seconds = seconds
    }
}

/// What part of the timeline a tick falls in.
package enum SessionPhase: String, Sendable, Equatable, CaseIterable {
    case getReady = "get_ready"
    case hold
    case switchSides = "switch"
    case rest
}

/// One second has passed; sent on each whole second inside a segment (not at its edges).
///
/// During get-ready and rest, `step` is the step coming up. A consumer that falls behind
/// gets the latest tick only, never a backlog.
package struct Tick: Sendable, Equatable {
    package var phase: SessionPhase
    package var step: Int
    package var side: Int
    /// Whole seconds left in the segment.
    package var remaining: Int
    /// Length of the segment.
    package var seconds: Int

    package init(phase: SessionPhase, step: Int, side: Int, remaining: Int, seconds: Int) {
        self.phase = phase
        self.step = step
        self.side = side
        self.remaining = remaining
        self.seconds = seconds
    }
}

/// The first side is done: change sides; the next set starts after `seconds`.
package struct SideSwitch: Sendable, Equatable {
    package var step: Int
    package var exercise: String
    package var from: Int
    package var to: Int
    package var seconds: Int

    package init(step: Int, exercise: String, from: Int, to: Int, seconds: Int) {
        self.step = step
        self.exercise = exercise
        self.from = from
        self.to = to
        self.seconds = seconds
    }
}

/// A set ended, in full or cut short: the session log records one set per event.
package struct StepDone: Sendable, Equatable {
    package var step: Int
    package var exercise: String
    package var side: Int
    package var sides: Int
    package var unit: Dose.Unit
    /// Planned dose in `unit`.
    package var planned: Int
    /// Dose done in `unit`: the plan if completed; if cut short, seconds held, or for a counted
    /// set the share of reps the elapsed time allowed (rounded down).
    package var actual: Int
    package var plannedSeconds: Int
    package var actualSeconds: Int
    /// Whether the set ran its full time.
    package var completed: Bool
    /// Seconds of rest that follow (0 unless this was the step's last side and a step follows).
    package var rest: Int

    package init(
        step: Int, exercise: String, side: Int, sides: Int, unit: Dose.Unit, planned: Int, actual: Int, plannedSeconds: Int,
        actualSeconds: Int, completed: Bool, rest: Int
    ) {
        self.step = step
        self.exercise = exercise
        self.side = side
        self.sides = sides
        self.unit = unit
        self.planned = planned
        self.actual = actual
        self.plannedSeconds = plannedSeconds
        self.actualSeconds = actualSeconds
        self.completed = completed
        self.rest = rest
    }
}

/// The session was paused or resumed at `elapsed` session seconds.
package struct Pause: Sendable, Equatable {
    package var elapsed: Int

    package init(elapsed: Int) {
        self.elapsed = elapsed
    }
}

/// The session is over.
package struct SessionDone: Sendable, Equatable {
    /// True when the session ran to its end; false when the person ended it early.
    package var completed: Bool
    package var setsCompleted: Int
    package var sets: Int
    package var plannedSeconds: Int
    /// Session seconds elapsed, pauses excluded.
    package var elapsedSeconds: Int

    package init(completed: Bool, setsCompleted: Int, sets: Int, plannedSeconds: Int, elapsedSeconds: Int) {
        self.completed = completed
        self.setsCompleted = setsCompleted
        self.sets = sets
        self.plannedSeconds = plannedSeconds
        self.elapsedSeconds = elapsedSeconds
    }
}
