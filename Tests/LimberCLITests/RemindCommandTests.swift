import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// Writes an executable shell script.
@discardableResult
private func script(_ folder: TemporaryFolder, _ name: String, _ body: String) throws -> URL {
    let url = try folder.write(name, "#!/bin/sh\n" + body)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url
}

/// Waits (polling, with a deadline) for a file another process creates.
private func waitForFile(_ path: String, seconds: Double = 30) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if FileManager.default.fileExists(atPath: path) { return true }
        usleep(10_000)
    }
    return false
}

@Suite("limber remind, run as cron runs it", .serialized)
struct RemindCommandTests {
    let home: TemporaryFolder
    let cron: CronLikeProcess

    init() throws {
        home = try TemporaryFolder()
        // Only HOME and PATH, as cron gives; no shipped plugins so only this test's reminders run.
        cron = CronLikeProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
    }

    /// A plugin in the user's plugin folder, where a HOME-only environment finds it.
    func plugin(_ name: String, _ source: String) throws {
        try home.write(".config/limber/plugins/\(name)", source)
    }

    var stateFile: String { home.path(".local/state/limber/reminders.json") }

    @Test func inCronsBareEnvironmentItPrintsWhenDueAndIsSilentOtherwise() throws {
        try plugin(
            "evening.lua",
            """
            limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'Time for your cool-down' }
            limber.reminder{ id = 'never', schedule = 'hourly', message = 'no', due = function(ctx) return false end }
            """)
        let due = try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"])
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout == "Time for your cool-down\n")
        #expect(due.stderr == "")
        #expect(FileManager.default.fileExists(atPath: stateFile), "state under HOME/.local/state/limber")

        let again = try cron.run(["remind", "--now", "2025-06-04T18:35:00Z"])
        #expect(again.status == 0)
        #expect(again.stdout == "" && again.stderr == "", "nothing due: no output at all")

        let nextDay = try cron.run(["remind", "--now", "2025-06-05T18:00:00Z"])
        #expect(nextDay.stdout == "Time for your cool-down\n")
    }

    @Test func nothingDefinedIsSilentToo() throws {
        let result = try cron.run(["remind"])
        #expect(result.status == 0)
        #expect(result.stdout == "" && result.stderr == "")
    }

    @Test(arguments: [
        // (zone, runs every 90 minutes from, to, the deliveries expected)
        (
            "America/New_York", "2025-03-08T12:00:00-05:00", "2025-03-10T20:00:00-04:00",
            ["2025-03-08T18:00:00-05:00", "2025-03-09T18:00:00-04:00", "2025-03-10T18:00:00-04:00"]
        ),
        (
            "Europe/Berlin", "2025-10-25T12:00:00+02:00", "2025-10-27T20:00:00+01:00",
            ["2025-10-25T18:00:00+02:00", "2025-10-26T18:00:00+01:00", "2025-10-27T18:00:00+01:00"]
        ),
    ])
    func aDailyReminderFiresOnceADayAcrossTheClockChange(zone: String, from: String, to: String, expected: [String]) throws {
        try plugin(
            "daily.lua",
            """
            limber.reminder{ id = 'daily', schedule = 'daily 18:00',
              message = function(ctx) return 'stretch ' .. os.date('!%Y-%m-%dT%H:%M', ctx.occurrence) end }
            """)
        let zoned = CronLikeProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "TZ": zone])
        let formatter = ISO8601DateFormatter()
        guard let start = formatter.date(from: from), let end = formatter.date(from: to) else {
            Issue.record("bad dates")
            return
        }
        // Start with today's period delivered, as a machine that has been running all along.
        _ = try zoned.run(["remind", "--now", String(Int(start.timeIntervalSince1970))])
        var delivered: [String] = []
        var now = start.addingTimeInterval(5400)
        while now <= end {
            let result = try zoned.run(["remind", "--now", String(Int(now.timeIntervalSince1970))])
            #expect(result.status == 0, "\(result.stderr)")
            delivered += result.stdout.split(separator: "\n").map(String.init)
            now += 5400
        }
        let utc = DateFormatter()
        utc.locale = Locale(identifier: "en_US_POSIX")
        utc.timeZone = TimeZone(identifier: "UTC")
        utc.dateFormat = "yyyy-MM-dd'T'HH:mm"
        #expect(delivered == expected.compactMap { formatter.date(from: $0) }.map { "stretch " + utc.string(from: $0) })
    }

    @Test func aRaisingDueIsOneLineAndTheOthersStillRun() throws {
        try plugin(
            "a_broken.lua",
            """
            limber.reminder{ id = 'broken', schedule = 'hourly', message = 'never',
              due = function(ctx)
                local entry = nil
                return entry.done
              end }
            """)
        try plugin("b_fine.lua", "limber.reminder{ id = 'fine', schedule = 'hourly', message = 'still delivered' }\n")
        let result = try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout == "still delivered\n")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("limber: reminder broken: ") == true)
        #expect(lines.first?.contains("a_broken.lua:4: attempt to index a nil value") == true)
    }

    @Test func twoOverlappingRunsDeliverOnceAndTheSecondExitsQuietly() throws {
        // The first run's notifier holds it mid-delivery (with the lock held) until told to go on.
        try script(
            home, "bin/slow-notify",
            """
            printf '%s\\n' "$1" >> '\(home.path("delivered.txt"))'
            : > '\(home.path("started"))'
            while [ ! -e '\(home.path("go"))' ]; do sleep 0.05; done
            """)
        try plugin("evening.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }\n")
        let arguments = ["remind", "--command", home.path("bin/slow-notify"), "--now", "2025-06-04T18:05:00Z"]
        let first = try cron.start(arguments)
        #expect(waitForFile(home.path("started")), "the first run reached its notifier")

        let second = try cron.run(arguments)
        #expect(second.status == 0)
        #expect(second.stdout == "" && second.stderr == "", "the second run exits quietly")

        try home.write("go", "")
        let firstResult = first.wait()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        let third = try cron.run(arguments)
        #expect(third.status == 0 && third.stderr == "")
        let delivered = try String(contentsOfFile: home.path("delivered.txt"), encoding: .utf8)
        #expect(delivered == "stretch\n", "delivered exactly once")
    }

    @Test func aCommandGetsTheMessageAndNotifyUsesTheSameBackend() throws {
        try script(home, "bin/record", "printf '%s\\n' \"$@\" >> '\(home.path("args.txt"))'\n")
        try plugin(
            "evening.lua",
            """
            limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = "it's $(date) time; `id`",
              due = function(ctx) return true end }
            limber.reminder{ id = 'noisy', schedule = 'daily 18:00', message = 'm',
              due = function(ctx) limber.notify('from due'); return true end }
            """)
        let result = try cron.run([
            "remind", "--command", "'\(home.path("bin/record"))' --from limber", "--now", "2025-06-04T18:05:00Z",
        ])
        // A due only decides; notifying from it is refused, and the other reminder still goes out.
        #expect(result.status == 1)
        #expect(result.stderr.contains("limber.notify cannot run in a reminder's due"), "\(result.stderr)")
        #expect(result.stdout == "")
        let args = try String(contentsOfFile: home.path("args.txt"), encoding: .utf8)
        #expect(args == "--from\nlimber\nit's $(date) time; `id`\n")
    }

    @Test func aMissingBackendIsOneLineAndNothingIsRecorded() throws {
        try plugin("evening.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }\n")
        let desktop = try cron.run(["remind", "--notify", "desktop", "--now", "2025-06-04T18:05:00Z"])
        #expect(desktop.status == 1)
        #expect(desktop.stdout == "")
        #expect(
            desktop.stderr.hasPrefix("limber: desktop notifications need a session bus, and DBUS_SESSION_BUS_ADDRESS is not set"))
        #expect(desktop.stderr.split(separator: "\n").count == 1)
        let command = try cron.run(["remind", "--command", "no-such-notifier", "--now", "2025-06-04T18:05:00Z"])
        #expect(command.status == 1)
        #expect(command.stderr == "limber: --command: 'no-such-notifier' is not on PATH (/usr/bin:/bin)\n")
        #expect(!FileManager.default.fileExists(atPath: stateFile))
        // Once the backend is back, the reminder is still delivered.
        let later = try cron.run(["remind", "--now", "2025-06-04T18:35:00Z"])
        #expect(later.stdout == "stretch\n")
    }

    @Test func aHangingCommandIsStoppedAndReported() throws {
        try script(home, "bin/hang", "sleep 30\n")
        try plugin("evening.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }\n")
        let started = Date()
        let result = try cron.run([
            "remind", "--command", home.path("bin/hang"), "--timeout", "0.5", "--now", "2025-06-04T18:05:00Z",
        ])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "limber: reminder evening: --command '\(home.path("bin/hang"))' did not finish within 0.5 s and was stopped\n")
        #expect(!FileManager.default.fileExists(atPath: stateFile), "an undelivered reminder is not recorded")
    }

    @Test func dryRunShowsEveryReminderAndRecordsNothing() throws {
        try plugin(
            "r.lua",
            """
            limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }
            limber.reminder{ id = 'gated', schedule = 'weekdays 07:30', message = 'no', due = function() return false end }
            limber.reminder{ id = 'later', schedule = 'every 2 days at 18:00 from 2030-01-01', message = 'no' }
            """)
        let zoned = CronLikeProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "TZ": "America/New_York"])
        let dry = try zoned.run(["remind", "--dry-run", "--now", "2025-06-04T18:05:00-04:00"])
        #expect(dry.status == 0)
        #expect(
            dry.stdout == """
                evening: due since 2025-06-04 18:00 EDT: stretch
                gated: not due (weekdays 07:30) since 2025-06-04 07:30 EDT, next 2025-06-05 07:30 EDT
                later: no scheduled time yet (every 2 days at 18:00 from 2030-01-01)

                """)
        #expect(!FileManager.default.fileExists(atPath: stateFile))
        let json = try zoned.run(["remind", "--json", "--now", "2025-06-04T18:05:00-04:00"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "evening")
        #expect(object?["status"] as? String == "delivered")
        #expect(object?["message"] as? String == "stretch")
        #expect(object?["occurrence"] as? String == "2025-06-04T18:00:00-04:00")
        #expect(json.stdout.split(separator: "\n").count == 1)
    }

    @Test func badNowIsOneClearLine() throws {
        let result = try cron.run(["remind", "--now", "teatime"])
        #expect(result.status != 0)
        #expect(
            result.stderr
                == "limber: --now 'teatime' is not a time: epoch seconds, ISO 8601 with an offset (2025-06-04T18:10:00-04:00) or local 2025-06-04T18:10\n"
        )
        let fromEnvironment = try CronLikeProcess(home: home.url, extra: ["LIMBER_NOW": "soon"]).run(["remind"])
        #expect(fromEnvironment.stderr.hasPrefix("limber: LIMBER_NOW 'soon' is not a time"))
        #expect(fromEnvironment.status != 0)
    }
}
