import Foundation
import LimberCore
import PropertyBased
import Testing

/// Every schedule form, in zones whose clocks jump forward, fall back, skip a day or never
/// change, against a brute-force reading of the clock minute by minute: the occurrences are
/// exactly the instants the scan finds, the next one is always strictly later, and stepping from
/// one to the next goes up and ends.
@Suite("reminder schedules: against a minute-by-minute scan (property)")
struct ReminderSchedulePropertyTests {
    /// Three days of one zone's clock, starting at `start` (UTC).
    struct Window: Sendable, CustomStringConvertible {
        let zone: String
        let start: String
        let why: String
        var description: String { "\(zone) from \(start) (\(why))" }
    }

    static let windows: [Window] = [
        Window(zone: "Europe/Berlin", start: "2026-03-28T00:00:00Z", why: "02:00 becomes 03:00, then a month's end"),
        Window(zone: "Europe/Berlin", start: "2026-10-24T00:00:00Z", why: "03:00 becomes 02:00"),
        Window(zone: "America/New_York", start: "2026-03-07T06:00:00Z", why: "02:00 becomes 03:00"),
        Window(zone: "America/New_York", start: "2026-10-31T06:00:00Z", why: "02:00 becomes 01:00"),
        Window(zone: "Australia/Lord_Howe", start: "2025-10-03T13:00:00Z", why: "02:00 becomes 02:30"),
        Window(zone: "Australia/Lord_Howe", start: "2026-04-03T13:00:00Z", why: "02:00 becomes 01:30"),
        Window(zone: "Pacific/Apia", start: "2011-12-28T10:00:00Z", why: "2011-12-30 never happened"),
        Window(zone: "Pacific/Apia", start: "2011-09-23T11:00:00Z", why: "03:00 becomes 04:00"),
        Window(zone: "America/Sao_Paulo", start: "2018-11-02T03:00:00Z", why: "midnight becomes 01:00"),
        Window(zone: "America/Sao_Paulo", start: "2019-02-15T02:00:00Z", why: "midnight becomes 23:00 of the day before"),
        Window(zone: "Asia/Pyongyang", start: "2015-08-13T15:00:00Z", why: "midnight becomes 23:30, no DST"),
        Window(zone: "Antarctica/Troll", start: "2026-03-28T00:00:00Z", why: "01:00 becomes 03:00, a two-hour jump"),
        Window(zone: "Asia/Kolkata", start: "2024-02-27T18:30:00Z", why: "no DST: a leap day, then March"),
        Window(zone: "Asia/Tokyo", start: "2025-12-29T15:00:00Z", why: "no DST: the year's end"),
        Window(zone: "UTC", start: "2024-02-28T00:00:00Z", why: "leap day in UTC"),
        Window(zone: "America/St_Johns", start: "2026-03-07T03:30:00Z", why: "half-hour zone, 02:00 becomes 03:00"),
    ]

    /// A schedule as text and, independently of limber's code, which local days and minutes it
    /// names.
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let onDay: @Sendable (_ daysSince1970: Int) -> Bool
        let minutes: Set<Int>
        var description: String { text }
    }

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    /// Times near the clock changes of the windows, and anywhere.
    static let nearChanges = [0, 15, 30, 59, 60, 90, 105, 119, 120, 135, 150, 165, 179, 180, 210, 240, 1380, 1410, 1439]

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// ISO weekday (1 Monday) of a day counted from 1970-01-01, a Thursday.
    static func isoWeekday(_ day: Int) -> Int {
        ((day + 3) % 7 + 7) % 7 + 1
    }

    /// The schedule that the generated numbers pick; `near` is the day a window starts on, so
    /// cycles start around it.
    static func schedule(kind: Int, a: Int, b: Int, picks: [Int], near: Int) -> Case {
        let times = Set(picks.map { $0 < nearChanges.count ? nearChanges[$0] : ($0 * 7919) % 1440 })
        let list = times.sorted().map(clock).joined(separator: ",")
        switch kind {
        case 0: return Case(text: "daily \(list)", onDay: { _ in true }, minutes: times)
        case 1: return Case(text: "weekdays \(list)", onDay: { isoWeekday($0) <= 5 }, minutes: times)
        case 2: return Case(text: "weekends at \(list)", onDay: { isoWeekday($0) >= 6 }, minutes: times)
        case 3:
            let days = Set((1...7).filter { a & (1 << ($0 - 1)) != 0 }).union([b % 7 + 1])
            let names = days.sorted().map { dayNames[$0 - 1] }.joined(separator: ",")
            return Case(text: "\(names) \(list)", onDay: { days.contains(isoWeekday($0)) }, minutes: times)
        case 4:
            let from = b % 7 + 1, to = a % 7 + 1
            var days: Set<Int> = [from]
            var day = from
            while day != to {
                day = day % 7 + 1
                days.insert(day)
            }
            let range = days
            return Case(
                text: "\(dayNames[from - 1])-\(dayNames[to - 1]) \(list)", onDay: { range.contains(isoWeekday($0)) },
                minutes: times)
        case 5:
            let step = [1, 5, 7, 15, 29, 30, 45, 50, 59, 61, 90, 97, 100, 1000, 1439][a % 15]
            return Case(
                text: "every \(step) minutes", onDay: { _ in true }, minutes: Set(stride(from: 0, to: 1440, by: step)))
        case 6:
            let hours = a % 23 + 1
            return Case(
                text: hours == 1 ? "hourly" : "every \(hours) hours", onDay: { _ in true },
                minutes: Set(stride(from: 0, to: 1440, by: hours * 60)))
        case 7:
            let interval = a % 5 + 1
            return Case(
                text: "every \(interval) days at \(list)", onDay: { (($0 % interval) + interval) % interval == 0 },
                minutes: times)
        default:
            let interval = a % 4 + 1
            let anchor = near + b % 6 - 2
            let components = Calendar.utc.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(anchor) * 86_400))
            let date = String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
            let atTimes = kind == 8 ? [0] : times
            return Case(
                text: "every \(interval) days" + (kind == 8 ? "" : " at \(list)") + " from \(date)",
                onDay: { $0 >= anchor && ($0 - anchor) % interval == 0 }, minutes: Set(atTimes))
        }
    }

    /// The instants in `[start, end)` at which the clock first reads a scheduled time or a later
    /// one: the clock read minute by minute, each scheduled reading counted once, the first time
    /// the clock shows it or has jumped past it.
    static func scan(_ schedule: Case, zone: TimeZone, from start: Int, to end: Int) -> [Int] {
        func wall(_ t: Int) -> Int { t + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) }
        var highest = wall(start - 60)
        var found: [Int] = []
        for t in stride(from: start, to: end, by: 60) {
            let reading = wall(t)
            guard reading > highest else { continue }
            for passed in stride(from: highest + 60, through: reading, by: 60) {
                let day = Int((Double(passed) / 86_400).rounded(.down))
                if schedule.onDay(day) && schedule.minutes.contains((passed - day * 86_400) / 60) {
                    found.append(t)
                    break
                }
            }
            highest = reading
        }
        return found
    }

    static let kinds = Gen.int(in: 0...9)
    static let numbers = Gen.int(in: 0...1_000)
    static let picks = Gen.int(in: 0...(nearChanges.count * 2)).array(of: 1...4)
    static let window = Gen.int(in: 0...(windows.count - 1))
    /// Where in the window to ask, in seconds from its start.
    static let moments = Gen.int(in: 0...(3 * 86_400 - 1)).array(of: 20)

    @Test func occurrencesAreExactlyWhatTheScanFinds() async throws {
        await propertyCheck(count: 400, input: Self.kinds, Self.numbers, Self.numbers, Self.picks, Self.window) {
            kind, a, b, picks, index in
            let window = Self.windows[index]
            let zone = try #require(TimeZone(identifier: window.zone))
            let start = Int(try #require(ISO8601DateFormatter().date(from: window.start)).timeIntervalSince1970)
            let end = start + 3 * 86_400
            let spec = Self.schedule(kind: kind, a: a, b: b, picks: picks, near: start / 86_400)
            let schedule = try ReminderSchedule(parsing: spec.text)
            let expected = Self.scan(spec, zone: zone, from: start, to: end)

            // Stepping from the window's start gives the scan's instants, rising, and ends.
            var stepped: [Int] = []
            var cursor = Date(timeIntervalSince1970: Double(start - 1))
            while stepped.count <= expected.count, let next = schedule.occurrence(after: cursor, in: zone) {
                #expect(next > cursor, "\(spec) in \(window): \(next) is not after \(cursor)")
                guard next > cursor, next.timeIntervalSince1970 < Double(end) else { break }
                stepped.append(Int(next.timeIntervalSince1970))
                cursor = next
            }
            #expect(stepped == expected, "\(spec) in \(window)")
            for occurrence in expected.prefix(50) {
                let date = Date(timeIntervalSince1970: Double(occurrence))
                #expect(schedule.occurrence(atOrBefore: date, in: zone) == date, "\(spec) in \(window)")
            }
        }
    }

    @Test func fromAnyInstantTheNextAndTheCurrentAreTheScansNeighbours() async throws {
        await propertyCheck(
            count: 300, input: Self.kinds, Self.numbers, Self.numbers, Self.picks, Self.window, Self.moments
        ) { kind, a, b, picks, index, moments in
            let window = Self.windows[index]
            let zone = try #require(TimeZone(identifier: window.zone))
            let start = Int(try #require(ISO8601DateFormatter().date(from: window.start)).timeIntervalSince1970)
            let end = start + 3 * 86_400
            let spec = Self.schedule(kind: kind, a: a, b: b, picks: picks, near: start / 86_400)
            let schedule = try ReminderSchedule(parsing: spec.text)
            let expected = Self.scan(spec, zone: zone, from: start, to: end)
            // Instants anywhere, and on and around each clock change.
            var instants = moments.map { start + $0 }
            var probe = Date(timeIntervalSince1970: Double(start))
            while let change = zone.nextDaylightSavingTimeTransition(after: probe), change.timeIntervalSince1970 < Double(end) {
                let t = Int(change.timeIntervalSince1970)
                instants += [t - 1, t, t + 1]
                probe = change
            }
            for now in instants {
                let date = Date(timeIntervalSince1970: Double(now))
                let next = schedule.occurrence(after: date, in: zone)
                if let next { #expect(next > date, "\(spec) in \(window): next \(next) is not after \(date)") }
                if let want = expected.first(where: { $0 > now }) {
                    #expect(next == Date(timeIntervalSince1970: Double(want)), "\(spec) in \(window), after \(date)")
                } else {
                    #expect(next.map { $0.timeIntervalSince1970 >= Double(end) } ?? true, "\(spec) in \(window), after \(date)")
                }
                let current = schedule.occurrence(atOrBefore: date, in: zone)
                if let want = expected.last(where: { $0 <= now }) {
                    #expect(current == Date(timeIntervalSince1970: Double(want)), "\(spec) in \(window), at \(date)")
                } else {
                    #expect(current.map { $0.timeIntervalSince1970 < Double(start) } ?? true, "\(spec) in \(window), at \(date)")
                }
            }
        }
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, to name days without limber's own date code.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()
}
