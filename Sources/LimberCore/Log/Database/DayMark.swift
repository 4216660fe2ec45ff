import Foundation

/// A day that keeps a streak alive without a session: a skip (ill, travelling) or a planned rest day.
public struct DayMark: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Decided on the day, with a reason (`limber log skip --reason sick`).
        case skip
        /// Planned ahead.
        case rest
    }

    public var day: LocalDay
    public var kind: Kind
    public var reason: String?

    public init(day: LocalDay, kind: Kind, reason: String? = nil) {
        self.day = day
        self.kind = kind
        self.reason = reason
    }
}
