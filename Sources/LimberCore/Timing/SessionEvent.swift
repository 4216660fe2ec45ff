/// What a guided session reports as it runs; renderers, Lua hooks and the log subscribe to these.
///
/// Step numbers are 1-based positions in the routine. Seconds are session seconds: a paused
/// stretch does not count, and with a pace factor they are the plan's seconds, not the wall's.
/// `stepStart` and `stepDone` bracket one set: a two-sided step has two sets, with a
/// `sideSwitch` between them.
public enum SessionEvent: Sendable, Equatable {
    case sessionStart(SessionStart)
    case stepStart(StepStart)
    case tick(Tick)
    case sideSwitch(SideSwitch)
    case stepDone(StepDone)
    case paused(Pause)
    case resumed(Pause)
    case sessionDone(SessionDone)

    /// The event's name as scripts see it (`step_done`).
    public var name: String {
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
    public static let names = [
        "session_start", "step_start", "tick", "side_switch", "step_done", "paused", "resumed", "session_done",
    ]
}

/// The session begins; a get-ready countdown of `getReady` seconds follows if it is not 0.
public struct SessionStart: Sendable, Equatable {
    public var routine: String
    public var name: String
    /// How many times faster than real time the session runs (1 for real time).
    public var pace: Double
    public var steps: Int
    public var sets: Int
    public var plannedSeconds: Int
    public var getReady: Int

    public init(routine: String, name: String, pace: Double, steps: Int, sets: Int, plannedSeconds: Int, getReady: Int) {
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
public struct StepStart: Sendable, Equatable {
    public var step: Int
    public var exercise: String
    public var side: Int
    public var sides: Int
    /// What `amount` counts: seconds, reps or breaths.
    public var unit: Dose.Unit
    public var amount: Int
    /// How long the set lasts.
    public var seconds: Int

    public init(step: Int, exercise: String, side: Int, sides: Int, unit: Dose.Unit, amount: Int, seconds: Int) {
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
public enum SessionPhase: String, Sendable, Equatable, CaseIterable {
    case getReady = "get_ready"
    case hold
    case switchSides = "switch"
    case rest
}

/// One second has passed; sent on each whole second inside a segment (not at its edges).
///
/// During get-ready and rest, `step` is the step coming up. A consumer that falls behind
/// gets the latest tick only, never a backlog.
public struct Tick: Sendable, Equatable {
    public var phase: SessionPhase
    public var step: Int
    public var side: Int
    /// Whole seconds left in the segment.
    public var remaining: Int
    /// Length of the segment.
    public var seconds: Int

    public init(phase: SessionPhase, step: Int, side: Int, remaining: Int, seconds: Int) {
        self.phase = phase
        self.step = step
        self.side = side
        self.remaining = remaining
        self.seconds = seconds
    }
}

/// The first side is done: change sides; the next set starts after `seconds`.
public struct SideSwitch: Sendable, Equatable {
    public var step: Int
    public var exercise: String
    public var from: Int
    public var to: Int
    public var seconds: Int

    public init(step: Int, exercise: String, from: Int, to: Int, seconds: Int) {
        self.step = step
        self.exercise = exercise
        self.from = from
        self.to = to
        self.seconds = seconds
    }
}

/// A set ended, in full or cut short: the session log records one set per event.
public struct StepDone: Sendable, Equatable {
    public var step: Int
    public var exercise: String
    public var side: Int
    public var sides: Int
    public var unit: Dose.Unit
    /// Planned dose in `unit`.
    public var planned: Int
    /// Dose done in `unit`: the plan if completed; if cut short, seconds held, or for a counted
    /// set the share of reps the elapsed time allowed (rounded down).
    public var actual: Int
    public var plannedSeconds: Int
    public var actualSeconds: Int
    /// Whether the set ran its full time.
    public var completed: Bool
    /// Seconds of rest that follow (0 unless this was the step's last side and a step follows).
    public var rest: Int

    public init(step: Int, exercise: String, side: Int, sides: Int, unit: Dose.Unit, planned: Int, actual: Int, plannedSeconds: Int, actualSeconds: Int, completed: Bool, rest: Int) {
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
public struct Pause: Sendable, Equatable {
    public var elapsed: Int

    public init(elapsed: Int) {
        self.elapsed = elapsed
    }
}

/// The session is over.
public struct SessionDone: Sendable, Equatable {
    /// True when the session ran to its end; false when the person ended it early.
    public var completed: Bool
    public var setsCompleted: Int
    public var sets: Int
    public var plannedSeconds: Int
    /// Session seconds elapsed, pauses excluded.
    public var elapsedSeconds: Int

    public init(completed: Bool, setsCompleted: Int, sets: Int, plannedSeconds: Int, elapsedSeconds: Int) {
        self.completed = completed
        self.setsCompleted = setsCompleted
        self.sets = sets
        self.plannedSeconds = plannedSeconds
        self.elapsedSeconds = elapsedSeconds
    }
}
