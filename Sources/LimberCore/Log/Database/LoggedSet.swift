import Foundation

/// One set of one exercise within a session, as the log holds it.
package struct LoggedSet: Sendable, Equatable, Identifiable {
    /// Which side of the body a per-side set worked.
    package enum Side: String, Sendable, Codable, CaseIterable {
        case left, right
    }

    package var id: Int64
    package var sessionID: Int64
    package var exercise: String
    /// nil for bilateral and alternating moves.
    package var side: Side?
    /// What `planned` and `actual` count.
    package var unit: Dose.Unit
    package var planned: Double?
    package var actual: Double?
    package var completed: Bool
    /// 0 (none) to 10; nil when not asked or skipped.
    package var discomfort: Int?
    /// When the set ended.
    package var at: Date

    package init(
        id: Int64, sessionID: Int64, exercise: String, side: Side?, unit: Dose.Unit, planned: Double?,
        actual: Double?, completed: Bool, discomfort: Int?, at: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.exercise = exercise
        self.side = side
        self.unit = unit
        self.planned = planned
        self.actual = actual
        self.completed = completed
        self.discomfort = discomfort
        self.at = at
    }
}

/// A set to write: what the guided runner, `limber log add` and scripts hand to the log.
package struct NewSet: Sendable, Equatable {
    package var exercise: String
    package var side: LoggedSet.Side?
    package var unit: Dose.Unit
    package var planned: Double?
    package var actual: Double?
    package var completed: Bool
    package var discomfort: Int?
    /// When the set ended.
    package var at: Date

    package init(
        exercise: String, side: LoggedSet.Side? = nil, unit: Dose.Unit = .seconds, planned: Double? = nil,
        actual: Double? = nil, completed: Bool = true, discomfort: Int? = nil, at: Date
    ) {
        self.exercise = exercise
        self.side = side
        self.unit = unit
        self.planned = planned
        self.actual = actual
        self.completed = completed
        self.discomfort = discomfort
        self.at = at
    }

    /// Checks the values a person or script could get wrong.
    package func validate() throws {
        if exercise.isBlank {
            throw LogError.invalid(field: "exercise", reason: "must not be empty")
        }
        try LogLimits.check(text: exercise, field: "exercise")
        for (name, value) in [("planned", planned), ("actual", actual)] {
            try LogLimits.check(amount: value, field: name)
        }
        if let discomfort, !LogLimits.discomfort.contains(discomfort) {
            throw LogError.invalid(field: "discomfort", reason: "must be between 0 and 10")
        }
        _ = try LogLimits.stamp(at, field: "at")
    }
}
