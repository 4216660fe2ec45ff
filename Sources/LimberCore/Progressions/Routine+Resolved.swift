extension Routine {
    /// The routine with every step's dose written out: a `hold` for timed steps, `reps` for
    /// counted ones, and `sides`, as a guided session would use them. Progressions adjust this.
    package func resolved(in catalogue: Catalogue) -> Routine {
        var copy = self
        copy.steps = steps.map { step in
            guard let exercise = catalogue.get(step.exercise) else { return step }
            var resolved = step
            resolved.exercise = exercise.id
            if step.reps == nil && (step.hold != nil || exercise.dose.unit == .seconds) {
                resolved.hold = step.hold ?? exercise.dose.default
            } else if step.reps == nil {
                resolved.reps = exercise.dose.default
            }
            resolved.sides = step.sides ?? (exercise.laterality == .perSide ? 2 : 1)
            return resolved
        }
        return copy
    }
}
