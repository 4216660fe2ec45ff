import Foundation
import LimberCore

/// "Now" and the local time zone, read once at the command line's edge.
///
/// Everything below the commands takes both as parameters; `LIMBER_NOW` (and `--now` where a
/// command has it) fixes the time for tests and demos.
enum CommandClock {
    /// The instant a command acts at: its `--now` option, else `LIMBER_NOW`, else the clock.
    /// Epoch seconds, ISO 8601 with an offset, or a local time as `limber log add --at` takes
    /// it (2025-06-04T18:10).
    static func now(option: String?, environment: [String: String], timeZone: TimeZone) throws -> Date {
        guard let text = option ?? environment["LIMBER_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) else { return Date() }
        let source = option != nil ? "--now" : "LIMBER_NOW"
        let date: Date?
        if let seconds = Double(text) {
            date = Date(timeIntervalSince1970: seconds)
        } else {
            // The log's own reader first: it takes ISO 8601 with an offset as well, and every form
            // it takes ISO8601DateFormatter refuses (no zone) or reads the same. The formatter
            // builds ICU's date parsing: a few milliseconds of every run given --now or
            // LIMBER_NOW, more than the rest of a `limber remind` with nothing due.
            date = LogDateInput.moment(text, now: Date(), timeZone: timeZone) ?? ISO8601DateFormatter().date(from: text)
        }
        if let date {
            do {
                _ = try CheckedNumber.stamp(date, field: source)
                return date
            } catch {
                throw LimberFailure("\(source) '\(text)': \(error.reason)")
            }
        }
        throw LimberFailure(
            "\(source) '\(text)' is not a time: epoch seconds, ISO 8601 with an offset (2025-06-04T18:10:00-04:00) or local 2025-06-04T18:10"
        )
    }

    /// The local time zone: `TZ` (with or without a leading ':'), else the zone `/etc/localtime`
    /// links to, else Foundation's idea of the system's.
    static func timeZone(environment: [String: String], localtime: String = "/etc/localtime") -> TimeZone {
        if var name = environment["TZ"], !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            if name.hasPrefix("/usr/share/zoneinfo/") { name.removeFirst("/usr/share/zoneinfo/".count) }
            if let zone = TimeZone(identifier: name) { return zone }
        }
        // What `TimeZone.current` finds on Linux without TZ, read directly: Foundation looks for
        // TZ by building the whole environment dictionary twice first, a twentieth of a
        // `limber remind` with nothing due.
        if let name = linkedZoneName(localtime), let zone = TimeZone(identifier: name) { return zone }
        return TimeZone.current
    }

    /// The zone name in the target of the symbolic link at `path` (`Europe/Paris` for
    /// `/usr/share/zoneinfo/Europe/Paris`); nil when it is not a link into a zoneinfo folder.
    static func linkedZoneName(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path),
            let marker = target.range(of: "zoneinfo/", options: .backwards)
        else { return nil }
        let name = String(target[marker.upperBound...])
        return name.isEmpty ? nil : name
    }

}
