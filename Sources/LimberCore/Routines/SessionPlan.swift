/// A routine laid out as a timeline: get ready, each set per side, side switches, rests.
///
/// All times are whole seconds of session time from the start of the session. A counted step
/// (reps or breaths) is given `amount × tempo` seconds, so the session can run hands-free.
package struct SessionPlan: Sendable, Equatable {
    /// How a routine is turned into a plan.
    package struct Options: Sendable, Equatable {
        /// Seconds of get-ready countdown before the first step; 0 for none.
        package var getReady: Int
        /// Seconds between the two sides of a step to change position.
        package var switchSides: Int
        /// Replaces the hold of every timed step, in seconds.
        package var hold: Int?

        package init(getReady: Int = 10, switchSides: Int = 5, hold: Int? = nil) {
            self.getReady = getReady
            self.switchSides = switchSides
            self.hold = hold
        }
    }

    /// One step of the routine with every default filled in.
    package struct Step: Sendable, Equatable {
        /// 1-based position in the routine.
        package var number: Int
        package var exercise: Exercise
        /// What `amount` counts: seconds for a hold, else the exercise's reps or breaths.
        package var unit: Dose.Unit
        /// The dose per side, in `unit`.
        package var amount: Int
        /// How long one side takes, in seconds.
        package var seconds: Int
        /// 1 or 2.
        package var sides: Int
        /// Seconds of rest after the step; always 0 for the last step.
        package var rest: Int

        /// Seconds the step takes, switches included, rest excluded.
        package func duration(switchSides: Int) -> Int {
            seconds * sides + switchSides * (sides - 1)
        }
    }

    /// One stretch of the timeline.
    package struct Segment: Sendable, Equatable {
        /// What happens during a segment; `step` is a 0-based index into ``SessionPlan/steps``.
        package enum Kind: Sendable, Equatable {
            case getReady
            case hold(step: Int, side: Int)
            case switchSides(step: Int, to: Int)
            case rest(after: Int)
        }

        package var kind: Kind
        /// Session second at which the segment starts.
        package var start: Int
        /// Length in seconds; a side switch may be 0.
        package var seconds: Int
        /// Session second at which the segment ends.
        package var end: Int { start + seconds }
    }

    /// Seconds one repetition takes when a step gives no tempo: a rep 3 s, a breath 5 s.
    package static func defaultTempo(for unit: Dose.Unit) -> Double {
        unit == .breaths ? 5 : 3
    }

    package let routine: Routine
    package let options: Options
    package let steps: [Step]
    package let segments: [Segment]

    /// Validates `routine` against `catalogue` and lays it out.
    package init(routine: Routine, catalogue: Catalogue, options: Options = Options()) throws(RoutineError) {
        try routine.validate(against: catalogue)
        if let hold = options.hold, !Routine.Limits.hold.contains(hold) {
            throw .invalidField(field: "hold", reason: Routine.outside(Routine.Limits.hold, "seconds", got: hold))
        }
        guard (0...600).contains(options.getReady) else {
            throw .invalidField(field: "get_ready", reason: Routine.outside(0...600, "seconds", got: options.getReady))
        }
        guard (0...60).contains(options.switchSides) else {
            throw .invalidField(field: "switch", reason: Routine.outside(0...60, "seconds", got: options.switchSides))
        }
        var steps: [Step] = []
        for (index, step) in routine.steps.enumerated() {
            let exercise = try step.resolve(in: catalogue, field: "steps[\(index + 1)]")
            steps.append(Self.plan(step, exercise: exercise, number: index + 1, routine: routine, options: options))
        }
        if let last = steps.indices.last { steps[last].rest = 0 }
        self.routine = routine
        self.options = options
        self.steps = steps
        self.segments = Self.timeline(steps, options: options)
    }

    private static func plan(
        _ step: Routine.Step, exercise: Exercise, number: Int, routine: Routine, options: Options
    ) -> Step {
        let sides = step.sides ?? (exercise.laterality == .perSide ? 2 : 1)
        let rest = step.rest ?? routine.rest
        let unit: Dose.Unit
        let amount: Int
        let seconds: Int
        if let reps = step.reps {
            unit = exercise.dose.unit
            amount = reps
            seconds = Self.seconds(reps: reps, tempo: step.tempo ?? defaultTempo(for: unit))
        } else if step.hold != nil || exercise.dose.unit == .seconds {
            // A timed set: `--hold` wins, then the step, then the exercise's default.
            unit = .seconds
            amount = options.hold ?? step.hold ?? exercise.dose.default
            seconds = amount
        } else {
            unit = exercise.dose.unit
            amount = exercise.dose.default
            seconds = Self.seconds(reps: amount, tempo: step.tempo ?? defaultTempo(for: unit))
        }
        return Step(
            number: number, exercise: exercise, unit: unit, amount: amount, seconds: seconds,
            sides: sides, rest: rest)
    }

    private static func seconds(reps: Int, tempo: Double) -> Int {
        max(1, Int((Double(reps) * tempo).rounded(.up)))
    }

    private static func timeline(_ steps: [Step], options: Options) -> [Segment] {
        var segments: [Segment] = []
        var clock = 0
        func append(_ kind: Segment.Kind, _ seconds: Int) {
            segments.append(Segment(kind: kind, start: clock, seconds: seconds))
            clock += seconds
        }
        if options.getReady > 0 { append(.getReady, options.getReady) }
        for (index, step) in steps.enumerated() {
            for side in 1...step.sides {
                if side > 1 { append(.switchSides(step: index, to: side), options.switchSides) }
                append(.hold(step: index, side: side), step.seconds)
            }
            if step.rest > 0, index < steps.count - 1 { append(.rest(after: index), step.rest) }
        }
        return segments
    }

    /// Planned length of the whole session in seconds, get-ready included.
    package var totalSeconds: Int { segments.last?.end ?? 0 }

    /// How many sets the session holds: one per side of each step.
    package var setCount: Int { steps.reduce(0) { $0 + $1.sides } }
}
