import Foundation
import LimberCore

extension FuzzTarget {
    /// The reminder schedule grammar (`daily 18:00`, `every 2 days at 07:30 starting 2024-05-01`).
    package static let schedule = FuzzTarget("schedule", "reminder schedule text") { data throws(FuzzFailure) in
        let text = String(decoding: data, as: UTF8.self)
        guard let schedule = try? ReminderSchedule(parsing: text) else { return }
        // What it says about itself parses to the same schedule.
        let again = try? ReminderSchedule(parsing: schedule.description)
        try require(again == schedule, "'\(text)' reads as '\(schedule.description)', which does not read back the same")
        // Occurrences around the edges of the time range the log keeps, in zones far apart.
        for zone in zones {
            for seconds in [0.0, 1_715_182_200, Double(CheckedNumber.latestStamp) - 86_400 * 400] {
                let now = Date(timeIntervalSince1970: seconds)
                if let before = schedule.occurrence(atOrBefore: now, in: zone) {
                    try require(before <= now, "occurrence at or before \(now) is after it: \(before)")
                }
                if let after = schedule.occurrence(after: now, in: zone) {
                    try require(after > now, "occurrence after \(now) is not after it: \(after)")
                }
            }
        }
    }

    static let zones: [TimeZone] = ["UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"].compactMap {
        TimeZone(identifier: $0)
    }
}
