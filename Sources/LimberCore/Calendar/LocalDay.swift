import Foundation

/// A calendar day where the person was: a count of days since 1970-01-01 in local civil time.
///
/// Streaks, rest days and weekly totals work on these, so a session at 23:30 counts for the day
/// the person lived it, whatever time zone reads the log later.
package struct LocalDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    package var number: Int

    package init(number: Int) {
        self.number = number
    }

    /// The day that `date` falls on in `timeZone`.
    package init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int(CheckedNumber.saturatingStamp(date)) + timeZone.secondsFromGMT(for: date)
        self.number = Self.floorDiv(seconds, 86_400)
    }

    /// The day with this year, month (1–12) and day of month; nil if there is no such day.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = Self.floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.number = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil if the text is not exactly such a date.
    package init?(iso text: some StringProtocol) {
        var bytes = text.utf8.makeIterator()
        var numbers = [0, 0, 0]
        for (part, width) in [4, 2, 2].enumerated() {
            for _ in 0..<width {
                guard let byte = bytes.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                numbers[part] = numbers[part] * 10 + Int(byte - UInt8(ascii: "0"))
            }
            let separator = bytes.next()
            guard part < 2 ? separator == UInt8(ascii: "-") : separator == nil else { return nil }
        }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// Year, month (1–12) and day of month.
    package var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = Self.floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Day of the week in `Calendar`'s numbering: 1 is Sunday, 7 is Saturday.
    package var weekday: Int {
        // 1970-01-01 was a Thursday (5).
        Self.floorMod(number + 4, 7) + 1
    }

    /// Day of the week in ISO 8601 numbering: 1 is Monday, 7 is Sunday.
    package var isoWeekday: Int {
        Self.floorMod(number + 3, 7) + 1
    }

    /// The first day of the week holding this day, for weeks that begin on `firstWeekday` (1 = Sunday).
    package func startOfWeek(firstWeekday: Int) -> LocalDay {
        LocalDay(number: number - Self.floorMod(weekday - firstWeekday, 7))
    }

    /// The day `count` days later (earlier when negative).
    package func adding(days count: Int) -> LocalDay {
        LocalDay(number: number + count)
    }

    /// `YYYY-MM-DD`.
    package var iso: String {
        let (year, month, day) = components
        return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    package var description: String { iso }

    package static func < (lhs: LocalDay, rhs: LocalDay) -> Bool { lhs.number < rhs.number }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = LocalDay(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = day
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
