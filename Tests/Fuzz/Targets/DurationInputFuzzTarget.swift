import Foundation
import LimberCore

extension FuzzTarget {
    /// Lengths of time from outside: `2h ago`, `90m ago`, and seconds as `--timeout`, `--hold`
    /// and the Lua timers take them (any text `Double` reads, `nan` and `inf` included).
    package static let durationInput = FuzzTarget("duration", "lengths of time: 'N ago' and seconds from flags and Lua") {
        data throws(FuzzFailure) in
        let text = String(decoding: data, as: UTF8.self)
        let now = Date(timeIntervalSince1970: 1_715_182_200)
        if text.lowercased().hasSuffix(" ago"),
            let moment = LogDateInput.moment(text, now: now, timeZone: TimeZone(identifier: "UTC") ?? .current)
        {
            try require(moment <= now, "'\(text)' is after now: \(moment)")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let seconds = Double(trimmed) ?? Double(text.prefix(64)) else { return }
        for range in [0...86_400.0, 0...3600.0, 0...3_155_760_000.0] {
            if let duration = try? CheckedNumber.duration(seconds: seconds, field: "seconds", in: range) {
                try require(seconds.isFinite && range.contains(seconds), "\(seconds) passed outside \(range)")
                let back = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                try require(abs(back - seconds) <= 0.0005 + seconds * 1e-12, "\(seconds) s became \(duration)")
            }
        }
        for range in [0...Int.max, Int.min...Int.max, 1...3600] {
            if let whole = try? CheckedNumber.integer(seconds, field: "n", in: range) {
                try require(Double(whole) == seconds, "\(seconds) became \(whole)")
            }
            if let whole = try? CheckedNumber.rounded(seconds, .up, field: "n", in: range) {
                try require(range.contains(whole), "\(seconds) rounded to \(whole) outside \(range)")
            }
        }
        _ = try? CheckedNumber.date(seconds: seconds, field: "at")
        _ = try? CheckedNumber.integer(text: trimmed, field: "n", in: Int64.min...Int64.max)
    }
}
