import Foundation

/// The clock of a plugin test: a wall time that only moves when the test moves it, and a
/// `Clock` whose sleeps return at once after moving the time forward.
///
/// `limber test` gives one to every test host, so `limber.now()`, `os.time()`, timers and
/// sessions all see the test's time and nothing waits.
package final class VirtualClock: Clock, @unchecked Sendable {
    /// A point on the virtual clock: time since the clock was made.
    package struct Instant: InstantProtocol {
        package var offset: Duration

        package func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        package func duration(to other: Instant) -> Duration { other.offset - offset }
        package static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// Where every test starts: Monday 2026-01-05 09:00:00 in the clock's time zone.
    package static let startText = "2026-01-05 09:00"

    private let lock = NSLock()
    private var wall: Date
    private var elapsed: Duration = .zero
    /// The zone `set` reads dates in.
    package let timeZone: TimeZone

    /// A clock at `date`, or at `startText` when none is given.
    package init(date: Date? = nil, timeZone: TimeZone = .current) {
        self.timeZone = timeZone
        wall = date ?? Self.parse(Self.startText, timeZone: timeZone) ?? Date(timeIntervalSince1970: 0)
    }

    /// The wall time the test is at.
    package var date: Date {
        lock.lock()
        defer { lock.unlock() }
        return wall
    }

    package var now: Instant {
        lock.lock()
        defer { lock.unlock() }
        return Instant(offset: elapsed)
    }

    package var minimumResolution: Duration { .zero }

    /// Moves to the deadline at once (if it is ahead) and returns.
    package func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        advance(by: now.duration(to: deadline))
    }

    /// Moves wall time and the clock forward; a negative duration does nothing.
    package func advance(by duration: Duration) {
        guard duration > .zero else { return }
        lock.lock()
        defer { lock.unlock() }
        elapsed += duration
        let parts = duration.components
        wall += Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Sets the wall time; the `Clock` side never goes backwards, only forwards with it.
    package func set(_ date: Date) {
        lock.lock()
        defer { lock.unlock() }
        let delta = date.timeIntervalSince(wall)
        if delta > 0 { elapsed += .milliseconds(Int64(exactly: (delta * 1000).rounded()) ?? Int64.max) }
        wall = date
    }

    /// Sets the wall time from `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DD` (midnight), in `timeZone`.
    package func set(_ text: String) throws(LuaError) {
        guard let date = Self.parse(text, timeZone: timeZone) else {
            throw .conversion("'\(text)' is not a time: use 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS' or 'YYYY-MM-DD'")
        }
        set(date)
    }

    /// A local date and time, or nil when the text is not one of the accepted forms or not a real date.
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let halves = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 1 || halves.count == 2 else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard day.count == 3, let year = day[0], let month = day[1], let dayOfMonth = day[2],
            halves[0].split(separator: "-")[0].count == 4
        else { return nil }
        // Out-of-range parts never reach Foundation's calendar arithmetic.
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        var hour = 0, minute = 0, second = 0
        if halves.count == 2 {
            let time = halves[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard time.count == 2 || time.count == 3, let h = time[0], let m = time[1] else { return nil }
            hour = h
            minute = m
            if time.count == 3 {
                guard let s = time[2] else { return nil }
                second = s
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            calendar: calendar, timeZone: timeZone, year: year, month: month, day: dayOfMonth, hour: hour, minute: minute,
            second: second)
        guard components.isValidDate(in: calendar), (0..<24).contains(hour), (0..<60).contains(minute),
            (0..<60).contains(second), let date = calendar.date(from: components)
        else { return nil }
        return date
    }
}
