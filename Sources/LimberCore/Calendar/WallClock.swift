import Foundation

/// Local wall-clock time in a time zone: seconds since 1970-01-01T00:00 as the clock on the wall
/// shows it, and back to an instant, choosing sensibly where the clocks jump.
enum WallClock {
    /// The wall-clock reading of an instant, as seconds since the local 1970-01-01T00:00.
    static func seconds(of date: Date, in timeZone: TimeZone) -> Int {
        Int(CheckedNumber.saturatingStamp(date)) + timeZone.secondsFromGMT(for: date)
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
