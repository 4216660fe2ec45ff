import Foundation

/// A VTIMEZONE for a time zone over a span of years: every offset change in it listed as its own
/// STANDARD or DAYLIGHT observance (no rules to guess), from the offset in force before.
enum ICalendarZone {
    /// The component's lines, or none for UTC (times are then written with `Z`).
    static func lines(for timeZone: TimeZone, from start: Date, to end: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(timeZone.identifier)"]
        var transitions: [(Date, from: Int, to: Int)] = []
        var cursor = start
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
            transitions.append(
                (next, timeZone.secondsFromGMT(for: next.addingTimeInterval(-1)), timeZone.secondsFromGMT(for: next)))
            cursor = next
        }
        let initial = timeZone.secondsFromGMT(for: start)
        // The observance in force at the start, from a date before any event.
        let startKind = timeZone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD"
        lines += observance(startKind, at: start.addingTimeInterval(-86_400 * 366), from: initial, to: initial, in: timeZone)
        for (instant, from, to) in transitions {
            let kind = timeZone.isDaylightSavingTime(for: instant) ? "DAYLIGHT" : "STANDARD"
            lines += observance(kind, at: instant, from: from, to: to, in: timeZone)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// One observance; its DTSTART is the local time (before the change) the change happens at.
    private static func observance(_ kind: String, at instant: Date, from: Int, to: Int, in timeZone: TimeZone) -> [String] {
        let localBefore = Int(instant.timeIntervalSince1970.rounded(.down)) + from
        var lines = [
            "BEGIN:\(kind)",
            "DTSTART:" + ICalendar.floating(localBefore),
            "TZOFFSETFROM:" + offset(from),
            "TZOFFSETTO:" + offset(to),
        ]
        if let name = timeZone.abbreviation(for: instant), !name.isEmpty { lines.append("TZNAME:" + ICalendarText.escape(name)) }
        lines.append("END:\(kind)")
        return lines
    }

    /// `+0100`, `-0430`, or with seconds where a zone has them.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        var text = sign + String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        if magnitude % 60 != 0 { text += String(format: "%02d", magnitude % 60) }
        return text
    }
}
