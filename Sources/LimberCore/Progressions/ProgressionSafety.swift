/// The rule every progression is held to: no more load after a session logged with high discomfort.
///
/// The source article asks that nothing cause serious discomfort; a plan that grows after a
/// session rated 7 or more out of 10 would ignore what the person reported. The host enforces
/// this whatever a plugin returns.
public enum ProgressionSafety {
    /// Discomfort (0–10) at or above which no dose may grow in the next plan.
    public static let discomfortLimit = 7

    /// What the routine's last logged session says about load.
    public struct LastSession: Sendable, Equatable {
        /// The highest discomfort rated in it, if any was.
        public var maxDiscomfort: Int?
        /// The dose planned per exercise in it (seconds or reps, the largest of its sets).
        public var planned: [String: Int]

        public init(maxDiscomfort: Int?, planned: [String: Int]) {
            self.maxDiscomfort = maxDiscomfort
            self.planned = planned
        }

        /// Whether the next plan may not grow.
        public var blocksGrowth: Bool { (maxDiscomfort ?? 0) >= ProgressionSafety.discomfortLimit }
    }

    /// Compares `adjusted` with `base` step by step (both resolved) and lists every change.
    ///
    /// After a session rated at the limit or above, no dose may exceed what that session
    /// planned for the exercise (or, when it did not have it, today's base plan); such
    /// increases are undone and listed as refused. Decreases always stand. Steps are matched
    /// by position.
    public static func review(
        base: Routine, adjusted: Routine, progression: String, reason: String?, last: LastSession?
    ) -> (routine: Routine, changes: [ProgressionChange]) {
        var result = adjusted
        var changes: [ProgressionChange] = []
        for index in adjusted.steps.indices where index < base.steps.count {
            let before = base.steps[index], after = adjusted.steps[index]
            let exercise = after.exercise
            for field in [ProgressionChange.Field.hold, .reps] {
                let old = field == .hold ? before.hold : before.reps
                let new = field == .hold ? after.hold : after.reps
                guard let old, let new, old != new else { continue }
                let ceiling = max(old, last?.planned[exercise] ?? old)
                if let last, last.blocksGrowth, new > ceiling {
                    if field == .hold { result.steps[index].hold = ceiling } else { result.steps[index].reps = ceiling }
                    changes.append(ProgressionChange(
                        progression: progression, step: index + 1, exercise: exercise, field: field, from: old,
                        to: ceiling,
                        reason: "the last session was rated \(last.maxDiscomfort ?? 0)/10 discomfort",
                        refused: new))
                } else {
                    changes.append(ProgressionChange(
                        progression: progression, step: index + 1, exercise: exercise, field: field, from: old,
                        to: new, reason: reason))
                }
            }
        }
        return (result, changes)
    }
}
