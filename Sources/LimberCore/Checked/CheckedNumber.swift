import Foundation

/// The one way outside data (Lua values, file bytes, environment variables, flags) becomes a
/// Swift integer, date or duration.
///
/// Swift traps on `Int(Double.infinity)`, `Int64(1e300)` and integer overflow, so a value from
/// outside never meets those initialisers directly: each conversion here checks that the value
/// is finite, whole where it must be and inside the range the caller names, and otherwise throws
/// a ``CheckedNumberError`` that names the field: `field 'at': expected a time between
/// 1970-01-01 and 9999-12-31, got inf`.
package enum CheckedNumber {
    /// The first second a stored time may be: 1970-01-01T00:00:00Z.
    package static let earliestStamp: Int64 = 0
    /// The last second a stored time may be: 9999-12-31T23:59:59Z (the last four-digit year).
    package static let latestStamp: Int64 = 253_402_300_799
    /// How errors describe the time range.
    package static let timeRange = "a time between 1970-01-01 and 9999-12-31"

    /// A number as an error shows it: `nan`, `inf`, `-inf`, `12`, `2.5`, `1e+300`.
    package static func describe(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    // MARK: - Times

    /// Seconds since 1970 (fractions kept) as a date between 1970-01-01 and 9999-12-31.
    package static func date(seconds: Double, field: String) throws(CheckedNumberError) -> Date {
        guard seconds.isFinite, seconds >= Double(earliestStamp), seconds < Double(latestStamp) + 1 else {
            throw CheckedNumberError(field: field, expected: timeRange, got: describe(seconds))
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whole seconds since 1970 as a date between 1970-01-01 and 9999-12-31.
    package static func date(stamp: Int64, field: String) throws(CheckedNumberError) -> Date {
        guard (earliestStamp...latestStamp).contains(stamp) else {
            throw CheckedNumberError(field: field, expected: timeRange, got: String(stamp))
        }
        return Date(timeIntervalSince1970: TimeInterval(stamp))
    }

    /// A date as whole seconds since 1970 (rounded down), between 1970-01-01 and 9999-12-31.
    package static func stamp(_ date: Date, field: String) throws(CheckedNumberError) -> Int64 {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= Double(earliestStamp), seconds < Double(latestStamp) + 1 else {
            throw CheckedNumberError(field: field, expected: timeRange, got: describe(seconds))
        }
        return Int64(seconds.rounded(.down))
    }

    /// The largest whole number of seconds ``saturatingStamp(_:)`` gives: 2^53, beyond which
    /// doubles skip whole seconds; far enough from `Int64.max` that adding a zone offset or a
    /// few days to it cannot overflow.
    package static let saturation: Int64 = 9_007_199_254_740_992

    /// Whole seconds since 1970 (rounded down) for a date this process made itself (a clock, a
    /// time already in the log): never traps; NaN is 0 and anything beyond ±2^53 stops there.
    package static func saturatingStamp(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.isNaN { return 0 }
        if seconds >= Double(saturation) { return saturation }
        if seconds <= -Double(saturation) { return -saturation }
        return Int64(seconds)
    }

    // MARK: - Integers

    /// A number that must be a whole number inside `range` (a Lua float like `2.0` counts).
    package static func integer<I: FixedWidthInteger>(
        _ value: Double, field: String, in range: ClosedRange<I>
    ) throws(CheckedNumberError) -> I {
        guard value.isFinite, let whole = I(exactly: value), range.contains(whole) else {
            throw CheckedNumberError(field: field, expected: integerRange(range), got: describe(value))
        }
        return whole
    }

    /// A number rounded by `rule`, which must then lie inside `range`.
    package static func rounded<I: FixedWidthInteger>(
        _ value: Double, _ rule: FloatingPointRoundingRule, field: String, in range: ClosedRange<I>
    ) throws(CheckedNumberError) -> I {
        guard value.isFinite, let whole = I(exactly: value.rounded(rule)), range.contains(whole) else {
            throw CheckedNumberError(field: field, expected: integerRange(range), got: describe(value))
        }
        return whole
    }

    /// A Lua integer (or any wider integer) that must fit `range`.
    package static func integer<Source: BinaryInteger, I: FixedWidthInteger>(
        _ value: Source, field: String, in range: ClosedRange<I>
    ) throws(CheckedNumberError) -> I {
        guard let exact = I(exactly: value), range.contains(exact) else {
            throw CheckedNumberError(field: field, expected: integerRange(range), got: String(value))
        }
        return exact
    }

    /// Decimal digits (an optional leading `-` or `+`) that must name a whole number inside `range`.
    package static func integer<I: FixedWidthInteger>(
        text: some StringProtocol, field: String, in range: ClosedRange<I>
    ) throws(CheckedNumberError) -> I {
        guard let parsed = I(text, radix: 10), range.contains(parsed) else {
            throw CheckedNumberError(field: field, expected: integerRange(range), got: quoted(text))
        }
        return parsed
    }

    // MARK: - Numbers and durations

    /// A finite number inside `range` (NaN and ±inf never are).
    package static func number(_ value: Double, field: String, in range: ClosedRange<Double>) throws(CheckedNumberError) -> Double
    {
        guard value.isFinite, range.contains(value) else {
            throw CheckedNumberError(
                field: field, expected: "a number from \(describe(range.lowerBound)) to \(describe(range.upperBound))",
                got: describe(value))
        }
        return value
    }

    /// A number of seconds inside `range`, as a duration to the millisecond.
    package static func duration(seconds: Double, field: String, in range: ClosedRange<Double>) throws(CheckedNumberError)
        -> Duration
    {
        guard seconds.isFinite, range.contains(seconds), range.lowerBound >= 0, range.upperBound <= 9e15 else {
            throw CheckedNumberError(
                field: field, expected: "\(describe(range.lowerBound)) to \(describe(range.upperBound)) seconds",
                got: describe(seconds))
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    // MARK: - Wording

    static func integerRange<I: FixedWidthInteger>(_ range: ClosedRange<I>) -> String {
        if range.lowerBound == I.min && range.upperBound == I.max { return "an integer" }
        if range.upperBound == I.max { return "an integer ≥ \(range.lowerBound)" }
        return "an integer from \(range.lowerBound) to \(range.upperBound)"
    }

    static func quoted(_ text: some StringProtocol) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
        return "'" + shown + "'"
    }
}

/// A value from outside that does not fit where it must go: which field, what it had to be, what it was.
package struct CheckedNumberError: Error, Equatable, CustomStringConvertible {
    /// The field, argument or flag, as the person wrote it (`at`, `sets[2].hold`, `--timeout`).
    package var field: String
    /// What the value had to be: `a time between 1970-01-01 and 9999-12-31`.
    package var expected: String
    /// The value as given: `inf`, `nan`, `1e+300`, `'12x'`.
    package var got: String

    package init(field: String, expected: String, got: String) {
        self.field = field
        self.expected = expected
        self.got = got
    }

    /// `expected …, got …`, for messages that name the field their own way.
    package var reason: String { "expected \(expected), got \(got)" }

    package var description: String { "field '\(field)': \(reason)" }
}
