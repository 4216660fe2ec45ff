import Foundation

/// A day that keeps a streak alive without a session: a skip (ill, travelling) or a planned rest day.
package struct DayMark: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable, CaseIterable {
        /// Decided on the day, with a reason (`limber log skip --reason sick`).
        case skip
        /// Planned ahead.
        case rest
    }

    package var day: LocalDay
    package var kind: Kind
    package var reason: String?

    package init(day: LocalDay, kind: Kind, reason: String? = nil) {
        self.day = day
        self.kind = kind
        self.reason = reason
    }
}
