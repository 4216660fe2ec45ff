/// How much of an exercise makes one set: a range and a default, in one unit.
package struct Dose: Sendable, Equatable, Codable {
    /// What the dose counts.
    package enum Unit: String, Sendable, Codable, CaseIterable {
        case seconds, reps, breaths
    }

    package var unit: Unit
    package var min: Int
    package var max: Int
    package var `default`: Int

    package init(unit: Unit, min: Int, max: Int, default value: Int) {
        self.unit = unit
        self.min = min
        self.max = max
        self.default = value
    }

    /// The dose as a person reads it: `30–60 s (default 45 s)`.
    package var summary: String {
        let suffix: String
        switch unit {
        case .seconds: suffix = " s"
        case .reps: suffix = " reps"
        case .breaths: suffix = " breaths"
        }
        if min == max { return "\(min)\(suffix)" }
        return "\(min)–\(max)\(suffix) (default \(self.default)\(suffix))"
    }
}
