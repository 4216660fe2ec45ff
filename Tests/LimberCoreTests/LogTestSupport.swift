import Foundation
import LimberTestSupport

@testable import LimberCore

extension TemporaryFolder {
    /// A file below the folder (not created).
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

enum LogFixtures {
    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

    /// 2024-05-01 (a Wednesday) at the given UTC time.
    static func may(_ day: Int, _ hour: Int = 7, _ minute: Int = 0) -> Date {
        let base = LocalDay(year: 2024, month: 5, day: 1)!.number
        return Date(timeIntervalSince1970: TimeInterval((base + day - 1) * 86_400 + hour * 3600 + minute * 60))
    }

    static func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }

    /// Logs a finished mobility session of one 30-second set on `date`.
    @discardableResult
    static func practise(
        _ log: SessionLog, on date: Date, routine: String = "hips", exercise: String = "pigeon",
        discomfort: Int? = nil
    ) throws -> LoggedSession {
        try log.log(
            NewSession(
                routine: routine, source: .manual, startedAt: date,
                sets: [
                    NewSet(exercise: exercise, planned: 30, actual: 30, discomfort: discomfort, at: date.addingTimeInterval(30))
                ]),
            timeZone: utc)
    }
}
