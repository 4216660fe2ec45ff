import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// `limber calendar --ics`, read back by the Python icalendar package (scripts/check-ics.py),
/// over the spring clock change in Berlin (2026-03-29) and the autumn one (2026-10-25).
@Suite("limber calendar --ics", .serialized)
struct CalendarCommandTests {
    let home: TemporaryFolder

    static let plugin = """
        limber.routine{ id = 'tiny', name = 'Tiny', steps = { { exercise = 'childs-pose', hold = 100 } } }
        limber.reminder{ id = 'evening', schedule = 'daily 18:00', routine = 'tiny',
          message = 'Cool-down; then rest, please: ça va? 🧘 ' .. string.rep('é', 40) }
        limber.reminder{ id = 'mornings', schedule = 'mon,wed,fri 07:30,19:30', message = 'x' }
        limber.reminder{ id = 'gappy', schedule = 'every 2 days at 02:30 from 2026-03-27', message = 'x' }
        limber.reminder{ id = 'often', schedule = 'every 45 minutes', message = function() return 'y' end }
        limber.reminder{ id = 'later', schedule = 'every 3 days at 09:00 from 2027-01-01', message = 'not yet' }
        """

    init() throws {
        home = try TemporaryFolder()
        try home.write("config/plugins/cal.lua", Self.plugin)
    }

    func calendar(_ arguments: [String], zone: String = "Europe/Berlin") throws -> LimberProcess.Result {
        try LimberProcess(home: home.url, extra: ["TZ": zone, "LIMBER_SHIPPED_PLUGINS": ""]).run(["calendar"] + arguments)
    }

    /// What scripts/check-ics.py reads from a file.
    func parsed(_ file: String, zone: String, from: String, to: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Repository.root.appendingPathComponent("scripts/check-ics.py").path, file, zone, from, to,
        ]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check-ics.py: \(problems)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func event(_ report: [String: Any], _ uid: String) throws -> [String: Any] {
        let events = try #require(report["events"] as? [String: Any])
        return try #require(events[uid] as? [String: Any], "no event \(uid) in \(events.keys.sorted())")
    }

    @Test func springForwardKeepsLocalTimesAndTheParserAgrees() throws {
        let result = try calendar(["--ics", "--days", "7", "--now", "2026-03-26T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try home.write("c.ics", result.stdout)
        let report = try parsed(file.path, zone: "Europe/Berlin", from: "2026-03-26T00:00", to: "2026-04-02T11:00")
        #expect(report["crlf"] as? Bool == true, "every line ends in CRLF")
        #expect((report["longest"] as? Int ?? 99) <= 75, "folded at 75 octets")
        #expect((report["zone_mismatches"] as? [String])?.isEmpty == true, "the VTIMEZONE matches the zone database: \(report)")

        let evening = try event(report, "evening@limber")
        #expect(evening["rrule"] as? String == "FREQ=DAILY")
        #expect(evening["summary"] as? String == "Stretch: Tiny")
        #expect(evening["routine"] as? String == "tiny")
        #expect(evening["duration_minutes"] as? Int == 2, "the routine's planned length, rounded up")
        #expect(
            (evening["description"] as? String)?.hasPrefix(
                "Cool-down; then rest, please: ça va? 🧘 " + String(repeating: "é", count: 40)) == true,
            "escaped and folded text reads back whole")
        #expect((evening["description"] as? String)?.contains("Start: limber start tiny") == true)
        let local = try #require(evening["local"] as? [String])
        #expect(local.allSatisfy { $0.hasSuffix("T18:00") } && local.count == 7)
        #expect(
            Array((evening["utc"] as? [String] ?? []).prefix(5)) == [
                "2026-03-26T17:00Z", "2026-03-27T17:00Z", "2026-03-28T17:00Z", "2026-03-29T16:00Z", "2026-03-30T16:00Z",
            ])

        let mornings = try event(report, "mornings@limber")
        let parts = Set(((mornings["rrule"] as? String) ?? "").split(separator: ";").map(String.init))
        #expect(parts == ["FREQ=WEEKLY", "BYDAY=MO,WE,FR", "BYHOUR=7,19", "BYMINUTE=30"])
        #expect(
            mornings["local"] as? [String] == [
                "2026-03-27T07:30", "2026-03-27T19:30", "2026-03-30T07:30", "2026-03-30T19:30", "2026-04-01T07:30",
                "2026-04-01T19:30",
            ])

        let often = try event(report, "often@limber")
        #expect(often["rrule"] == nil || often["rrule"] is NSNull, "every 45 minutes is not a regular rule: single times")
        let times = try #require(often["local"] as? [String])
        #expect(times.count == 7 * 32 - 1, "32 times a day (restarting at midnight) for 7 days, less the gap's")
        #expect(times.first == "2026-03-26T11:15")
        #expect(
            !times.contains("2026-03-29T02:15") && times.contains("2026-03-29T03:00") && !times.contains("2026-03-29T03:15"),
            "02:15 is in the gap: it happens at 03:00, the first instant after it, which is a time anyway")

        let gappy = try event(report, "gappy@limber")
        #expect(gappy["rrule"] as? String == "FREQ=DAILY;INTERVAL=2")
        #expect(
            gappy["local"] as? [String] == ["2026-03-27T02:30", "2026-03-29T03:00", "2026-03-31T02:30", "2026-04-02T02:30"],
            "the skipped 02:30 is at 03:00, as limber remind fires it, once")
        #expect(!result.stdout.contains("later@limber"), "nothing in the range: no event")
        try expectSameAsSchedules(report, now: "2026-03-26T10:00:00Z", days: 7, until: "2026-04-02T09:00:00Z")
    }

    /// The calendar's times, as the parser reads them, are the schedules' own occurrences (what
    /// `limber remind` fires) from `now` for `days` days (and not past `until`, where the report's span ends).
    func expectSameAsSchedules(_ report: [String: Any], now: String, days: Int, until: String) throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let formatter = ISO8601DateFormatter()
        let start = try #require(formatter.date(from: now))
        let end = min(start.addingTimeInterval(Double(days) * 86_400), try #require(formatter.date(from: until)))
        let minutes = DateFormatter()
        minutes.dateFormat = "yyyy-MM-dd'T'HH:mm'Z'"
        minutes.timeZone = TimeZone(identifier: "UTC")
        for (uid, schedule) in [
            ("evening", "daily 18:00"), ("mornings", "mon,wed,fri 07:30,19:30"),
            ("gappy", "every 2 days at 02:30 from 2026-03-27"),
            ("often", "every 45 minutes"),
        ] {
            let parsed = try #require(try event(report, "\(uid)@limber")["utc"] as? [String])
            var expected: [String] = []
            var cursor = start.addingTimeInterval(-1)
            while let next = try ReminderSchedule(parsing: schedule).occurrence(after: cursor, in: zone), next < end {
                expected.append(minutes.string(from: next))
                cursor = next
            }
            #expect(parsed.filter { $0 < minutes.string(from: end) } == expected, "\(uid): the calendar shows what limber fires")
        }
    }

    @Test func fallBackAndTheUIDsAreStable() throws {
        let first = try calendar(["--ics", "--days", "10", "--now", "2026-10-20T10:00:00Z"])
        let file = try home.write("f.ics", first.stdout)
        let report = try parsed(file.path, zone: "Europe/Berlin", from: "2026-10-20T00:00", to: "2026-10-30T12:00")
        #expect((report["zone_mismatches"] as? [String])?.isEmpty == true)
        let utc = try #require(try event(report, "evening@limber")["utc"] as? [String])
        #expect(utc.contains("2026-10-24T16:00Z") && utc.contains("2026-10-25T17:00Z"), "18:00 CEST, then 18:00 CET")
        try expectSameAsSchedules(report, now: "2026-10-20T10:00:00Z", days: 10, until: "2026-10-30T11:00:00Z")
        let later = try calendar(["--ics", "--days", "10", "--now", "2026-10-21T09:00:00Z"])
        let uids = { (text: String) in text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first.stdout) == uids(later.stdout) && uids(first.stdout).count == 4)
        #expect(uids(first.stdout) == ["UID:evening@limber", "UID:mornings@limber", "UID:gappy@limber", "UID:often@limber"])
    }

    @Test func utcNeedsNoTimeZoneAndWritesZTimes() throws {
        let result = try calendar(["--ics", "--now", "2026-03-26T10:00:00Z"], zone: "UTC")
        #expect(!result.stdout.contains("VTIMEZONE"))
        #expect(result.stdout.contains("DTSTART:20260326T180000Z\r\n"))
    }

    @Test func outputWritesAVdirOfOneFilePerReminderAndDropsGoneOnes() throws {
        let folder = home.url.appendingPathComponent("vdir")
        let result = try calendar(["--ics", "--output", folder.path, "--now", "2026-03-26T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "calendar: 4 reminders in \(folder.path)\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "evening.ics", "gappy.ics", "mornings.ics", "often.ics",
            ])
        let one = try parsed(
            folder.appendingPathComponent("evening.ics").path, zone: "Europe/Berlin", from: "2026-03-26T00:00",
            to: "2026-03-28T00:00")
        #expect((one["events"] as? [String: Any])?.count == 1)
        try "BEGIN:VCALENDAR\r\nPRODID:-//someone else//EN\r\n".write(
            to: folder.appendingPathComponent("mine.ics"), atomically: true, encoding: .utf8)
        try home.write("config/plugins/cal.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'x' }")
        _ = try calendar(["--ics", "--output", folder.path, "--now", "2026-03-26T10:00:00Z"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["evening.ics", "mine.ics"],
            "limber's files for gone reminders are removed, others' stay")
    }

    @Test func badDaysIsOneLine() throws {
        let result = try calendar(["--ics", "--days", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--days must be 1 to 366"))
    }
}
