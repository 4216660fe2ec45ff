import Foundation

/// Local wall-clock time in a time zone: seconds since 1970-01-01T00:00 as the clock on the wall
/// shows it, and back to an instant, choosing sensibly where the clocks jump.
enum WallClock {
    /// The wall-clock reading of an instant, as seconds since the local 1970-01-01T00:00.
    static func seconds(of date: Date, in timeZone: TimeZone) -> Int {
        Int(CheckedNumber.saturatingStamp(date)) + timeZone.secondsFromGMT(for: date)
    }

    /// The first instant at which the wall clock reads `wall` (seconds since the local epoch) or
    /// a later time.
    ///
    /// A reading that happens twice (the clocks went back) is its first instant. A reading that
    /// never happens (the clocks jumped forward over it) is the first instant after the jump, so
    /// 02:30 on a spring-forward night in New York is 03:00 EDT, as is 02:00 and 02:59. Because
    /// it is "the first instant the clock has reached `wall`", the instant never goes down as
    /// `wall` goes up: later readings never come sooner, whatever the clocks do.
    static func instant(_ wall: Int, in timeZone: TimeZone) -> Date {
        func offset(_ utc: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))) }
        // Two days before `wall` as UTC the clock read well before `wall` (offsets are within a
        // day), so walk the stretches of constant offset from there until the clock reaches it.
        var start = wall - 2 * 86_400
        var current = offset(start)
        // A day and a half either side of `wall` holds a handful of offset changes at most; the
        // bound only keeps a broken zone database from looping.
        for _ in 0..<64 {
            guard
                let change = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: Double(start)))
            else { break }
            let next = Int(change.timeIntervalSince1970.rounded(.up))
            // This stretch shows readings from start + current up to (not including) next + current.
            if wall < next + current { break }
            start = next
            current = offset(next)
            // The clock jumped to `wall` or past it at the change.
            if start + current >= wall { return Date(timeIntervalSince1970: Double(start)) }
        }
        return Date(timeIntervalSince1970: Double(max(start, wall - current)))
    }
}
