/// A named sequence of exercises to do in one guided session.
///
/// A routine refers to exercises by id; ``validate(against:)`` checks it against a
/// ``Catalogue`` and ``SessionPlan`` turns it into a timeline.
package struct Routine: Sendable, Equatable, Codable, Identifiable {
    /// One exercise in a routine, with how much of it to do.
    ///
    /// A step is either held for `hold` seconds or counted in `reps` (in the exercise's own unit:
    /// repetitions or breaths); with neither, the exercise's default dose applies. Fields left
    /// nil take their defaults when the routine is planned.
    package struct Step: Sendable, Equatable, Codable {
        /// The exercise id (or an alias, resolved when planned).
        package var exercise: String
        /// Seconds to hold, per side.
        package var hold: Int?
        /// Repetitions (or breaths) per side.
        package var reps: Int?
        /// Seconds one repetition takes, to time a counted step; nil for the unit's default.
        package var tempo: Double?
        /// 1 or 2; nil takes it from the exercise's laterality (per side: 2, otherwise 1).
        package var sides: Int?
        /// Seconds of rest after this step; nil takes the routine's `rest`.
        package var rest: Int?

        package init(
            exercise: String, hold: Int? = nil, reps: Int? = nil, tempo: Double? = nil,
            sides: Int? = nil, rest: Int? = nil
        ) {
            self.exercise = exercise
            self.hold = hold
            self.reps = reps
            self.tempo = tempo
            self.sides = sides
            self.rest = rest
        }
    }

    /// Seconds of rest between steps when a step does not say.
    package static let defaultRest = 10

    /// A slug naming the routine (`runner-cooldown`).
    package var id: String
    /// The name people read.
    package var name: String
    /// When in a runner's day the routine belongs.
    package var phase: Exercise.Phase
    /// The exercises, in order.
    package var steps: [Step]
    /// Seconds of rest between steps, unless a step says otherwise.
    package var rest: Int
    /// One line on what the routine is for.
    package var summary: String
    /// Where the routine was defined (a plugin file, or empty).
    package var source: String

    package init(
        id: String, name: String, phase: Exercise.Phase = .anytime, steps: [Step],
        rest: Int = Routine.defaultRest, summary: String = "", source: String = ""
    ) {
        self.id = id
        self.name = name
        self.phase = phase
        self.steps = steps
        self.rest = rest
        self.summary = summary
        self.source = source
    }
}
