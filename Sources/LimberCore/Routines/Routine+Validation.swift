extension Routine {
    /// The limits a step's numbers must keep to.
    package enum Limits {
        /// Longest hold, in seconds.
        package static let hold = 1...3600
        /// Most repetitions in one set.
        package static let reps = 1...1000
        /// Slowest and fastest repetition, in seconds.
        package static let tempo = 0.5...60.0
        /// Longest rest, in seconds.
        package static let rest = 0...3600
    }

    /// Checks every field against the rules and every step against the catalogue.
    ///
    /// Errors name the field (`steps[2].sides`); an unknown exercise names the closest known id.
    package func validate(against catalogue: Catalogue) throws(RoutineError) {
        guard Exercise.isSlug(id) else {
            throw .invalidField(field: "id", reason: "expected a slug of lower-case letters, digits and '-', got '\(id)'")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidField(field: "name", reason: "must not be empty")
        }
        guard Limits.rest.contains(rest) else {
            throw .invalidField(field: "rest", reason: Self.outside(Limits.rest, "seconds", got: rest))
        }
        guard !steps.isEmpty else {
            throw .invalidField(field: "steps", reason: "must list at least one step")
        }
        for (index, step) in steps.enumerated() {
            _ = try step.resolve(in: catalogue, field: "steps[\(index + 1)]")
        }
    }

    static func outside(_ range: ClosedRange<Int>, _ unit: String, got value: Int) -> String {
        "must be \(range.lowerBound)–\(range.upperBound) \(unit), got \(value)"
    }
}

extension Routine.Step {
    /// Checks the step and finds its exercise; `field` prefixes error paths.
    func resolve(in catalogue: Catalogue, field: String) throws(RoutineError) -> Exercise {
        let exercise: Exercise
        do {
            exercise = try catalogue.require(self.exercise)
        } catch {
            throw .unknownExercise(field: "\(field).exercise", error)
        }
        if hold != nil, reps != nil {
            throw .invalidField(field: "\(field).hold", reason: "give either hold (seconds) or reps, not both")
        }
        if let hold, !Routine.Limits.hold.contains(hold) {
            throw .invalidField(field: "\(field).hold", reason: Routine.outside(Routine.Limits.hold, "seconds", got: hold))
        }
        if let reps {
            guard exercise.dose.unit != .seconds else {
                throw .invalidField(
                    field: "\(field).reps",
                    reason: "'\(exercise.id)' is held for a time; use hold (seconds) instead")
            }
            guard Routine.Limits.reps.contains(reps) else {
                throw .invalidField(
                    field: "\(field).reps", reason: Routine.outside(Routine.Limits.reps, "repetitions", got: reps))
            }
        }
        if let tempo, !(Routine.Limits.tempo.contains(tempo)) {
            throw .invalidField(
                field: "\(field).tempo",
                reason: "must be 0.5–60 seconds per repetition, got \(tempo)")
        }
        if let sides, sides != 1, sides != 2 {
            throw .invalidField(field: "\(field).sides", reason: "must be 1 or 2, got \(sides)")
        }
        if let rest, !Routine.Limits.rest.contains(rest) {
            throw .invalidField(field: "\(field).rest", reason: Routine.outside(Routine.Limits.rest, "seconds", got: rest))
        }
        return exercise
    }
}
