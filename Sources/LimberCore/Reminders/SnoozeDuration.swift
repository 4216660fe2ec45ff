import Foundation

/// How long `limber remind --snooze ID DURATION` puts a reminder off: `10m`, `90s`, `1h`,
/// `1h30m`, `2d`, or a bare number of minutes; between a minute and a week.
package enum SnoozeDuration {
    package static let range: ClosedRange<TimeInterval> = 60...(7 * 86_400)

    /// Seconds, or an error saying what a duration looks like.
    package static func parse(_ text: String) throws(ReminderError) -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let bad = ReminderError.invalidSnooze("'\(text)' is not a duration such as 10m, 1h30m or 90s")
        if let minutes = Int(trimmed) {
            return try checked(TimeInterval(minutes) * 60, text)
        }
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for character in trimmed where character != " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let unit: TimeInterval
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            default: throw bad
            }
            guard let amount = Int(digits), digits.count <= 6 else { throw bad }
            total += TimeInterval(amount) * unit
            digits = ""
            sawUnit = true
        }
        guard sawUnit, digits.isEmpty else { throw bad }
        return try checked(total, text)
    }

    private static func checked(_ seconds: TimeInterval, _ text: String) throws(ReminderError) -> TimeInterval {
        guard range.contains(seconds) else {
            throw .invalidSnooze("'\(text)': a snooze is from 1 minute to 7 days")
        }
        return seconds
    }
}
