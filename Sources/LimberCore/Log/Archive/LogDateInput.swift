import Foundation

/// Reads the dates and times people type on the command line and pass from Lua:
/// `7d`, `2w`, `1y`, `today`, `yesterday`, `2024-05-01` for a first day, and
/// `18:30`, `yesterday 18:30`, `2024-05-01 18:30`, `2h ago`, `now` or an ISO time for a moment.
package enum LogDateInput {
    /// The first day of a period ending today: `7d` is the last seven days and today, `2w`
    /// fourteen days and today, `1y` 365; `today`, `yesterday` or a `YYYY-MM-DD` date.
    package static func firstDay(_ text: String, today: LocalDay) -> LocalDay? {
        // Trimmed only when an end is white (most text is not, and Foundation's trimming is slow).
        let ends = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let text = (ends ? text.trimmingCharacters(in: .whitespaces) : text).lowercased()
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let day = LocalDay(iso: text) { return day }
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0, count <= 100_000 else { return nil }
        switch unit {
        case "d": return today.adding(days: -count)
        case "w": return today.adding(days: -7 * count)
        case "y": return today.adding(days: -365 * count)
        default: return nil
        }
    }

    /// The largest count `N ago` takes (any unit): more would be before 1970 anyway.
    static let longestAgo = 100_000_000

    /// A moment: `now`, `18:30` (today), `yesterday 18:30`, `2024-05-01 18:30`,
    /// `2024-05-01` (noon), `90m ago`, `2h ago`, or an ISO time with a zone.
    package static func moment(_ text: String, now: Date, timeZone: TimeZone) -> Date? {
        // Trimmed only when an end is white (most text is not, and Foundation's trimming is slow).
        let ends = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        let text = (ends ? text.trimmingCharacters(in: .whitespaces) : text).lowercased()
        if text == "now" { return now }
        if let stamp = LogTime.parse(text.uppercased()) { return Date(timeIntervalSince1970: TimeInterval(stamp)) }
        var words = text.split(separator: " ").map(String.init)
        // `2024-05-01t18:30`: an ISO date and time without a zone.
        if words.count == 1, words[0].count > 11, Array(words[0])[10] == "t", LocalDay(iso: words[0].prefix(10)) != nil {
            words = [String(words[0].prefix(10)), String(words[0].dropFirst(11))]
        }
        if words.count == 2, words[1] == "ago", let unit = words[0].last,
            let count = try? CheckedNumber.integer(text: words[0].dropLast(), field: "ago", in: 0...Self.longestAgo)
        {
            let count = Double(count)
            switch unit {
            case "m": return now.addingTimeInterval(-60 * count)
            case "h": return now.addingTimeInterval(-3600 * count)
            case "d": return now.addingTimeInterval(-86_400 * count)
            default: return nil
            }
        }
        let today = LocalDay(now, in: timeZone)
        var day = today
        var clock: String?
        switch words.count {
        case 1:
            if let date = firstDay(words[0], today: today),
                words[0].contains("-") || words[0] == "today" || words[0] == "yesterday"
            {
                day = date
                clock = "12:00"
            } else {
                clock = words[0]
            }
        case 2:
            guard let date = firstDay(words[0], today: today),
                words[0].contains("-") || words[0] == "today" || words[0] == "yesterday"
            else { return nil }
            day = date
            clock = words[1]
        default:
            return nil
        }
        guard let clock, let seconds = secondsOfDay(clock) else { return nil }
        return localMoment(day: day, seconds: seconds, timeZone: timeZone)
    }

    /// `HH:MM` or `HH:MM:SS` as seconds since midnight.
    static func secondsOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// The instant when clocks in `timeZone` show `seconds` past midnight on `day`.
    package static func localMoment(day: LocalDay, seconds: Int, timeZone: TimeZone) -> Date {
        let local = TimeInterval(day.number * 86_400 + seconds)
        let guess = local - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))
        return Date(timeIntervalSince1970: local - TimeInterval(offset))
    }
}
