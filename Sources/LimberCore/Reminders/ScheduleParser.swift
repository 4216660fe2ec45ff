import Foundation

/// Reads schedule text into a `ReminderSchedule`; the grammar is documented there.
struct ScheduleParser {
    let text: String
    private var tokens: [Substring]
    private var position = 0

    init(text: String) {
        self.text = text
        // "mon, wed" and "08:00, 18:00" read as one list.
        var normalised = text.lowercased()
        while normalised.contains(", ") { normalised = normalised.replacingOccurrences(of: ", ", with: ",") }
        while normalised.contains(" ,") { normalised = normalised.replacingOccurrences(of: " ,", with: ",") }
        tokens = normalised.split(whereSeparator: \.isWhitespace)
    }

    private static let dayNames: [String: Int] = [
        "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
        "thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5,
        "sat": 6, "saturday": 6, "sun": 7, "sunday": 7,
    ]
    private static let shortNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let examples =
        "as in 'daily 18:00', 'weekdays 07:30', 'mon,wed,fri 18:30', 'every 2 days at 18:00' or 'every 30 minutes'"

    mutating func parse() throws(ReminderError) -> ReminderSchedule {
        guard let first = next() else { throw fail("the schedule is empty; write one \(Self.examples)") }
        let schedule: ReminderSchedule
        switch first {
        case "hourly":
            schedule = interval(minutes: 60)
        case "every":
            schedule = try every()
        default:
            schedule = try weekly(first)
        }
        if let extra = next() { throw fail("unexpected '\(extra)' at the end") }
        return schedule
    }

    // MARK: daily, weekdays, weekends, listed days

    private mutating func weekly(_ word: Substring) throws(ReminderError) -> ReminderSchedule {
        let days: Set<Int>
        let label: String
        switch word {
        case "daily":
            (days, label) = (Set(1...7), "daily")
        case "weekdays":
            (days, label) = (Set(1...5), "weekdays")
        case "weekends":
            (days, label) = ([6, 7], "weekends")
        default:
            days = try dayList(word)
            label = days.sorted().map { Self.shortNames[$0 - 1] }.joined(separator: ",")
        }
        let times = try timeList(after: String(word))
        return ReminderSchedule(days: .weekdays(days), times: times, description: "\(label) \(Self.format(times))")
    }

    private func dayList(_ word: Substring) throws(ReminderError) -> Set<Int> {
        var days = Set<Int>()
        for item in word.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count), let from = Self.dayNames[String(ends[0])],
                let to = Self.dayNames[String(ends[ends.count - 1])]
            else {
                if word == item && Int(item) == nil && !item.contains(":") {
                    throw fail(
                        "'\(item)' is not a day; start with daily, weekdays, weekends, days such as mon,wed,fri, or 'every' (\(Self.examples))"
                    )
                }
                throw fail("'\(item)' is not a day (mon tue wed thu fri sat sun, or a range such as mon-fri)")
            }
            var day = from
            while true {
                days.insert(day)
                if day == to { break }
                day = day % 7 + 1
            }
        }
        return days
    }

    // MARK: every ...

    private mutating func every() throws(ReminderError) -> ReminderSchedule {
        var count = 1
        guard var word = next() else {
            throw fail("expected what follows 'every', as in 'every 2 days' or 'every 30 minutes'")
        }
        if let number = Int(word) {
            guard number >= 1 else { throw fail("the interval must be at least 1, not \(number)") }
            count = number
            guard let unit = next() else { throw fail("expected a unit after 'every \(number)': minutes, hours or days") }
            word = unit
        }
        switch word {
        case "minute", "minutes", "min", "mins":
            guard count < 24 * 60 else { throw fail("\(count) minutes is a day or more; write 'every N days at HH:MM'") }
            return interval(minutes: count)
        case "hour", "hours":
            guard count < 24 else { throw fail("\(count) hours is a day or more; write 'every N days at HH:MM'") }
            return interval(minutes: count * 60)
        case "day", "days":
            return try cycle(count)
        default:
            throw fail("unknown unit '\(word)' after 'every': use minutes, hours or days")
        }
    }

    private func interval(minutes: Int) -> ReminderSchedule {
        let description =
            switch minutes {
            case 60: "hourly"
            case let m where m % 60 == 0: "every \(m / 60) hours"
            case 1: "every minute"
            default: "every \(minutes) minutes"
            }
        return ReminderSchedule(
            days: .weekdays(Set(1...7)), times: Array(stride(from: 0, to: 24 * 60, by: minutes)),
            description: description)
    }

    private mutating func cycle(_ count: Int) throws(ReminderError) -> ReminderSchedule {
        guard count <= 366 else { throw fail("every \(count) days is more than a year apart") }
        var times = [0]
        var start: LocalDay?
        while let word = next() {
            switch word {
            case "at":
                times = try timeList(after: "at")
            case "from":
                guard let date = next() else { throw fail("expected a date such as 2025-06-01 after 'from'") }
                guard let day = Self.date(date) else { throw fail("'\(date)' is not a date (YYYY-MM-DD)") }
                start = day
            default:
                if Self.time(word) != nil { throw fail("write 'at' before the time: 'every \(count) days at \(word)'") }
                throw fail("unexpected '\(word)'; expected 'at HH:MM' or 'from YYYY-MM-DD'")
            }
        }
        if count == 1 && start == nil {
            return ReminderSchedule(days: .weekdays(Set(1...7)), times: times, description: "daily \(Self.format(times))")
        }
        var description = count == 1 ? "every day" : "every \(count) days"
        if times != [0] { description += " at \(Self.format(times))" }
        if let start { description += " from \(start.iso)" }
        return ReminderSchedule(
            days: .cycle(interval: count, anchor: start ?? LocalDay(number: 0), starts: start != nil),
            times: times, description: description)
    }

    // MARK: times and dates

    /// A comma-separated list of HH:MM after `word`, with an optional 'at' first.
    private mutating func timeList(after word: String) throws(ReminderError) -> [Int] {
        guard var item = next() else { throw fail("expected a time such as 18:00 after '\(word)'") }
        if item == "at" && word != "at" {
            guard let following = next() else { throw fail("expected a time such as 18:00 after 'at'") }
            item = following
        }
        var times: [Int] = []
        for part in item.split(separator: ",", omittingEmptySubsequences: false) {
            guard let minutes = Self.time(part) else {
                throw fail("'\(part)' is not a time of day (HH:MM, 00:00 to 23:59)")
            }
            times.append(minutes)
        }
        return Array(Set(times)).sorted()
    }

    /// Minutes after midnight for `H:MM` or `HH:MM`.
    private static func time(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
        else { return nil }
        return hours * 60 + minutes
    }

    private static func date(_ text: Substring) -> LocalDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return LocalDay(year: year, month: month, day: day)
    }

    static func format(_ times: [Int]) -> String {
        times.map { minutes in
            let h = minutes / 60, m = minutes % 60
            return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
        }.joined(separator: ",")
    }

    private mutating func next() -> Substring? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    private func fail(_ reason: String) -> ReminderError {
        .invalidSchedule(text, reason: reason)
    }
}
