/// One dose a progression changed in today's plan, and why.
public struct ProgressionChange: Sendable, Equatable, Codable {
    /// What changed in the step.
    public enum Field: String, Sendable, Codable {
        case hold, reps
    }

    /// The progression's id.
    public var progression: String
    /// 1-based step number.
    public var step: Int
    public var exercise: String
    public var field: Field
    public var from: Int
    public var to: Int
    /// The progression's own words for today's change, if it gave any.
    public var reason: String?
    /// When the safety rule refused an increase: the value the progression asked for (`to` is
    /// then the most the rule allows).
    public var refused: Int?

    public init(
        progression: String, step: Int, exercise: String, field: Field, from: Int, to: Int,
        reason: String? = nil, refused: Int? = nil
    ) {
        self.progression = progression
        self.step = step
        self.exercise = exercise
        self.field = field
        self.from = from
        self.to = to
        self.reason = reason
        self.refused = refused
    }

    /// `figure-four-stretch hold 30 → 35 s`.
    public var summary: String {
        let unit = field == .hold ? " s" : " reps"
        if let refused {
            let kept = from == to ? "stays \(to)" : "\(from) → \(to)"
            return "\(exercise) \(field.rawValue) \(kept)\(unit) (not \(refused)\(unit))"
        }
        return "\(exercise) \(field.rawValue) \(from) → \(to)\(unit)"
    }
}
