/// One difference a progression made to today's plan (or asked for and was refused), and why.
package struct ProgressionChange: Sendable, Equatable, Codable {
    /// What changed.
    package enum Field: String, Sendable, Codable {
        /// A step's hold, reps (or breaths), sides, rest after it, or seconds per repetition.
        case hold, reps, sides, rest, tempo
        /// A whole step: one added, one removed, or one exercise put in another's place (or the
        /// same exercise measured the other way, held instead of counted).
        case added, removed, swapped
    }

    /// The progression's id.
    package var progression: String
    /// 1-based step number: in today's plan, or for a removed step in the plan before.
    package var step: Int
    /// The step's exercise (for a swap, the one put in).
    package var exercise: String
    package var field: Field
    /// The value before: a dose field's value; for a whole step, its load (dose × sides).
    package var from: Int?
    /// The value after, as `from`.
    package var to: Int?
    /// For a swap, the exercise that was there before.
    package var replaces: String?
    /// The change in words, without the step number: `childs-pose hold 30 → 35 s`.
    package var summary: String
    /// The progression's own words for it, or the discomfort rule's.
    package var reason: String?
    /// True when the discomfort rule refused the change: the plan does not carry it.
    package var refused: Bool

    package init(
        progression: String, step: Int, exercise: String, field: Field, from: Int?, to: Int?,
        replaces: String? = nil, summary: String, reason: String? = nil, refused: Bool = false
    ) {
        self.progression = progression
        self.step = step
        self.exercise = exercise
        self.field = field
        self.from = from
        self.to = to
        self.replaces = replaces
        self.summary = summary
        self.reason = reason
        self.refused = refused
    }
}
