import Foundation

/// A day of the proleptic Gregorian calendar, counted from 1970-01-01, with the arithmetic
/// schedules need: from and to year-month-day, the weekday, the wall clock in a time zone.
struct CivilDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    var number: Int

    init(number: Int) { self.number = number }

    /// The day with this year, month (1–12) and day of month; nil if there is no such day.
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = Self.floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    /// The local day an instant falls on in a time zone.
    init(containing date: Date, in timeZone: TimeZone) {
        number = Self.floorDiv(WallClock.seconds(of: date, in: timeZone), 86_400)
    }

    /// Year, month (1–12) and day of month.
    var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = Self.floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The weekday: 1 Monday ... 7 Sunday (ISO 8601).
    var isoWeekday: Int {
        // 1970-01-01 was a Thursday.
        Self.floorMod(number + 3, 7) + 1
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        let (y, m, d) = components
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }

    static func length(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Local wall-clock time in a time zone: seconds since 1970-01-01T00:00 as the clock on the wall
/// shows it, and back to an instant, choosing sensibly where the clocks jump.
enum WallClock {
    /// The wall-clock reading of an instant, as seconds since the local 1970-01-01T00:00.
    static func seconds(of date: Date, in timeZone: TimeZone) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    }

    /// The instant when the wall clock reads `wall` (seconds since the local epoch).
    ///
    /// A reading that happens twice (the clocks went back) is its first instant; a reading that
    /// never happens (the clocks jumped forward over it) is moved forward by the length of the
    /// jump, so 02:30 on a spring-forward night in New York is 03:30 EDT.
    static func instant(_ wall: Int, in timeZone: TimeZone) -> Date {
        func offset(_ utc: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))) }
        // The offsets in force a day either side cover every transition but the rarest.
        let before = offset(wall - 86_400), after = offset(wall + 86_400)
        var candidates: Set<Int> = [before, after, offset(wall - before), offset(wall - after)]
        candidates.formUnion(candidates.map { offset(wall - $0) })
        let valid = candidates.map { wall - $0 }.filter { $0 + offset($0) == wall }
        if let first = valid.min() { return Date(timeIntervalSince1970: Double(first)) }
        // In a gap: read the wall time with the offset from before the jump, which lands after it.
        let shifted = candidates.map { wall - $0 }.max() ?? wall
        return Date(timeIntervalSince1970: Double(shifted))
    }
}

extension CivilDay {
    /// Division rounding towards minus infinity.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The remainder that goes with `floorDiv`: never negative for a positive divisor.
    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }
}
