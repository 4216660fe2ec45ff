import Foundation
import LimberCore

extension FuzzTarget {
    /// The dates and times people type (`--at`, `--since`, `LIMBER_NOW`, `since =` in Lua):
    /// `18:30`, `yesterday 18:30`, `2024-05-01T18:30`, ISO times with zones, `7d`, `2w`.
    package static let dateInput = FuzzTarget("date", "dates and times as --at, --since and LIMBER_NOW take them") {
        data throws(FuzzFailure) in
        let text = String(decoding: data, as: UTF8.self)
        let now = Date(timeIntervalSince1970: 1_715_182_200)
        for zone in zones {
            let today = LocalDay(now, in: zone)
            if let day = LogDateInput.firstDay(text, today: today) {
                // A first day always has a moment, and that moment is on that day.
                let moment = LogDateInput.localMoment(day: day, seconds: 0, timeZone: zone)
                if let stamp = try? CheckedNumber.stamp(moment, field: "since") {
                    try require(stamp >= CheckedNumber.earliestStamp, "\(stamp) before 1970 passed the check")
                }
            }
            if let moment = LogDateInput.moment(text, now: now, timeZone: zone) {
                // Whatever it reads is either a time the log keeps or a clear range error, never a trap.
                do {
                    let stamp = try CheckedNumber.stamp(moment, field: "at")
                    let back = try CheckedNumber.date(stamp: stamp, field: "at")
                    try require(abs(back.timeIntervalSince(moment)) < 1, "\(moment) does not survive whole seconds")
                } catch let error as CheckedNumberError {
                    try require(error.field == "at", "unexpected error \(error)")
                } catch let failure as FuzzFailure {
                    throw failure
                } catch {
                    throw FuzzFailure("unexpected error \(error)")
                }
            }
        }
    }
}
