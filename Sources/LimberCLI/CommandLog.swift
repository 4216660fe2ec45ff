import Foundation
import LimberCore

/// The session log, the time and the time zone as commands use them.
///
/// Commands are the edge where "now" is read; everything below takes it as a parameter.
/// `LIMBER_NOW` fixes "now" for tests and demos (see ``CommandClock``).
enum CommandLog {
    /// The exit code for a log another process keeps locked (EX_TEMPFAIL): try again later.
    static let lockedExitCode: Int32 = 75

    /// Opens the user's log, or fails with one line.
    static func open(paths: LimberPaths = .resolve()) throws -> SessionLog {
        do {
            return try SessionLog(paths: paths)
        } catch {
            throw failure(error)
        }
    }

    /// Runs `body`, turning a log error into one line and the right exit code.
    static func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw failure(error)
        }
    }

    static func failure(_ error: any Error) -> LimberFailure {
        if case LogError.locked = error {
            return LimberFailure(String(describing: error), exitCode: lockedExitCode)
        }
        return LimberFailure(error)
    }

    /// The current time, or `LIMBER_NOW` when set.
    static func now(environment: [String: String] = ProcessEnvironment.current) throws -> Date {
        try CommandClock.now(option: nil, environment: environment, timeZone: CommandClock.timeZone(environment: environment))
    }

    /// The zone whose days the log counts in: `TZ`, else the system's.
    static var timeZone: TimeZone { CommandClock.timeZone(environment: ProcessEnvironment.current) }

    /// Today in the local zone.
    static func today() throws -> LocalDay {
        LocalDay(try now(), in: timeZone)
    }

    /// `Wed 2024-05-01`.
    static func dayLabel(_ day: LocalDay) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        return names[day.weekday - 1] + " " + day.iso
    }

    /// `18:05` in the local zone.
    static func clock(_ date: Date) -> String {
        let seconds = Int(CheckedNumber.saturatingStamp(date)) + timeZone.secondsFromGMT(for: date)
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// `1 set`, `3 sets`.
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
