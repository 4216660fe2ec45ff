import Foundation

/// The values the log accepts: exactly those that every export format writes and import reads
/// back unchanged. Every write path (the guided runner, `limber log add`, `limber.log.record`,
/// import) goes through these checks, so no value the log holds can break an export.
package enum LogLimits {
    /// Planned and actual amounts (seconds, repetitions, breaths): up to a billion.
    package static let amount: ClosedRange<Double> = 0...1_000_000_000
    /// How long a whole session or run may be said to take, in minutes (about two years).
    package static let minutes: ClosedRange<Double> = 0...1_000_000
    /// A run's distance in metres: up to 10,000 km.
    package static let distance: ClosedRange<Double> = 0...10_000_000
    /// Discomfort ratings.
    package static let discomfort = 0...10
    /// The last local day a session may count for: 9999-12-31, the last four-digit year.
    package static let latestDay = LocalDay(number: 2_932_896)
    /// The first day a skip or rest mark may be for: 0000-01-01, the first four-digit year.
    package static let earliestDay = LocalDay(number: -719_528)

    /// A time to store, as whole seconds since 1970, or `LogError.invalid` naming the field.
    static func stamp(_ date: Date, field: String) throws(LogError) -> Int64 {
        do {
            return try CheckedNumber.stamp(date, field: field)
        } catch {
            throw .invalid(field: field, reason: error.reason)
        }
    }

    /// A stored time read back from an import file: inside the range the log keeps.
    static func checkStamp(_ stamp: Int64, field: String) throws(CheckedNumberError) {
        _ = try CheckedNumber.date(stamp: stamp, field: field)
    }

    /// Text to store: SQLite hands text back only up to a NUL, so text holding one would come
    /// back (and export) cut short; it is refused.
    static func check(text: String?, field: String) throws(LogError) {
        if let text, text.utf8.contains(0) {
            throw .invalid(field: field, reason: "must not contain a NUL character")
        }
    }

    /// An amount to store, or `LogError.invalid` naming the field.
    static func check(amount: Double?, field: String) throws(LogError) {
        guard let amount else { return }
        do {
            _ = try CheckedNumber.number(amount, field: field, in: Self.amount)
        } catch {
            throw .invalid(field: field, reason: error.reason)
        }
    }

    /// A run's distance to store, or `LogError.invalid` naming the field.
    static func check(distance: Double?, field: String) throws(LogError) {
        guard let distance else { return }
        do {
            _ = try CheckedNumber.number(distance, field: field, in: Self.distance)
        } catch {
            throw .invalid(field: field, reason: error.reason)
        }
    }

    /// A day to mark, which exports write as `YYYY-MM-DD`, or `LogError.invalid` naming the field.
    static func check(day: LocalDay, field: String) throws(LogError) {
        guard (earliestDay...latestDay).contains(day) else {
            throw .invalid(field: field, reason: "must be a day from 0000-01-01 to 9999-12-31")
        }
    }

    /// The local day a session starts on, which exports write as `YYYY-MM-DD`.
    static func day(of date: Date, in timeZone: TimeZone, field: String) throws(LogError) -> LocalDay {
        _ = try stamp(date, field: field)
        let day = LocalDay(date, in: timeZone)
        guard day <= latestDay else {
            throw .invalid(field: field, reason: "falls on \(day.iso) in \(timeZone.identifier), after 9999-12-31")
        }
        return day
    }
}
