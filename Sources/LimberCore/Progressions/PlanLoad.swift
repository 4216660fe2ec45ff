/// How much a plan asks of the body: per exercise, the dose times the sides summed over its steps.
///
/// A hold counts its seconds, a counted step its reps (or breaths); an exercise done both ways
/// keeps one load per unit, so measuring a move the other way is new load, not a trade. The
/// total is in seconds, a counted unit at its default tempo (a rep 3 s, a breath 5 s), so holds
/// and counts add up; rests, side switches and a step's tempo are not load.
package struct PlanLoad: Sendable, Equatable {
    /// One exercise measured one way.
    package struct Key: Sendable, Hashable, Comparable {
        package var exercise: String
        package var unit: Dose.Unit

        package init(exercise: String, unit: Dose.Unit) {
            self.exercise = exercise
            self.unit = unit
        }

        package static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.exercise, lhs.unit.rawValue) < (rhs.exercise, rhs.unit.rawValue)
        }
    }

    /// Load per exercise and unit.
    package var exercises: [Key: Int]

    package init(exercises: [Key: Int] = [:]) {
        self.exercises = exercises
    }

    /// The load of resolved steps (see ``Routine/resolved(in:)``); a counted step takes its unit
    /// from the catalogue.
    package init(steps: [Routine.Step], catalogue: Catalogue) {
        exercises = [:]
        for step in steps {
            let (key, amount) = Self.measure(step, catalogue: catalogue)
            exercises[key, default: 0] += amount * max(1, step.sides ?? 1)
        }
    }

    /// The unit a step is measured in and its dose per side.
    package static func measure(_ step: Routine.Step, catalogue: Catalogue) -> (Key, Int) {
        if let reps = step.reps, step.hold == nil {
            let unit = catalogue.get(step.exercise)?.dose.unit ?? .reps
            return (Key(exercise: step.exercise, unit: unit == .seconds ? .reps : unit), reps)
        }
        return (Key(exercise: step.exercise, unit: .seconds), step.hold ?? 0)
    }

    /// The exercises with any load.
    package var exerciseIDs: Set<String> { Set(exercises.filter { $0.value > 0 }.keys.map(\.exercise)) }

    /// Seconds under load in all.
    package var total: Int {
        exercises.reduce(0) { $0 + $1.value * Self.secondsPerUnit($1.key.unit) }
    }

    /// Seconds one unit of a dose counts for in the total.
    package static func secondsPerUnit(_ unit: Dose.Unit) -> Int {
        unit == .seconds ? 1 : Int(SessionPlan.defaultTempo(for: unit))
    }

    /// `45 s`, `16 reps`, `8 breaths`.
    package static func amount(_ amount: Int, _ unit: Dose.Unit) -> String {
        switch unit {
        case .seconds: "\(amount) s"
        case .reps: amount == 1 ? "1 rep" : "\(amount) reps"
        case .breaths: amount == 1 ? "1 breath" : "\(amount) breaths"
        }
    }
}
