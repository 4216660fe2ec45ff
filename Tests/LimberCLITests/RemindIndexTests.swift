import Foundation
import LimberTestSupport
import Testing

/// `limber remind` with its reminder index: plugins none of whose reminders can be due are not
/// loaded, and nothing a user sees changes.
@Suite("limber remind loads only the plugins it needs (reminder index)", .serialized)
struct RemindIndexTests {
    let home: TemporaryFolder
    let cron: CronLikeProcess

    init() throws {
        home = try TemporaryFolder()
        cron = CronLikeProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
    }

    func plugin(_ name: String, _ source: String) throws {
        try home.write(".config/limber/plugins/\(name)", source)
    }

    var index: String { home.path(".cache/limber/remind-index") }

    /// Runs `limber remind` under strace and counts how often it opened each named plugin file:
    /// stamping a plugin for the index opens it once while the file is new (and not at all once
    /// it is a few seconds old); loading it opens it twice more (its `-- needs:` line, then its
    /// chunk). So at most 1 is "not loaded", 2 or more "loaded", however slow the test runs.
    func tracedRemind(_ arguments: [String], counting names: [String]) throws -> (LimberProcess.Result, [String: Int]) {
        try cron.traced(["remind"] + arguments, counting: names)
    }

    @Test func nothingDueLoadsNoPluginAndADueOneLoadsOnlyItsOwn() throws {
        try plugin(
            "evening.lua",
            """
            limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch',
              due = function(ctx) return #limber.log.sessions{ since = ctx.occurrence_day } == 0 end }
            """)
        try plugin("morning.lua", "limber.reminder{ id = 'morning', schedule = 'daily 07:00', message = 'good morning' }\n")
        try plugin(
            "routines.lua",
            """
            limber.routine{ id = 'quick', name = 'Quick', phase = 'cooldown',
              steps = { { exercise = 'childs-pose', hold = 30 } } }
            """)
        let names = ["evening.lua", "morning.lua", "routines.lua"]
        // The first run loads everything and builds the index.
        let first = try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"])
        #expect(first.stdout == "stretch\ngood morning\n" && first.stderr == "" && first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: index))

        // Both delivered: nothing is due, and no plugin is loaded.
        let (quiet, idle) = try tracedRemind(["--now", "2025-06-04T18:35:00Z"], counting: names)
        #expect(quiet.status == 0 && quiet.stdout == "" && quiet.stderr == "", "\(quiet.stderr)")
        #expect(idle.count == 3 && idle.values.allSatisfy { $0 <= 1 }, "each file only stamped: \(idle)")

        // The next morning only the morning plugin's reminder can be due: only it is loaded.
        let (morning, loaded) = try tracedRemind(["--now", "2025-06-05T07:05:00Z"], counting: names)
        #expect(morning.stdout == "good morning\n" && morning.stderr == "", "\(morning.stderr)")
        #expect(loaded["morning.lua", default: 0] >= 2, "the plugin whose reminder is due is loaded")
        #expect(loaded["evening.lua", default: 0] <= 1 && loaded["routines.lua", default: 0] <= 1, "\(loaded)")
    }

    @Test func aPluginEditedAfterIndexingIsUsedEvenWithItsSizeAndTimeKept() throws {
        let before = "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'old text' }\n"
        let after = "limber.reminder{ id = 'evening', schedule = 'daily 18:30', message = 'new text' }\n"
        #expect(before.utf8.count == after.utf8.count)
        let file = try home.write(".config/limber/plugins/evening.lua", before)
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"]).stdout == "old text\n")
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        try home.write(".config/limber/plugins/evening.lua", after)
        // The same size and the same modification time, to the nanosecond: only the bytes differ.
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        // With the old index, 18:00 was delivered and nothing would be asked at 18:35.
        let result = try cron.run(["remind", "--now", "2025-06-04T18:35:00Z"])
        #expect(result.stdout == "new text\n" && result.stderr == "", "\(result.stderr)")
    }

    @Test func aRemovedPluginsReminderIsGoneAndAnAddedOneComes() throws {
        try plugin("a.lua", "limber.reminder{ id = 'a', schedule = 'hourly', message = 'from a' }\n")
        try plugin("b.lua", "limber.reminder{ id = 'b', schedule = 'hourly', message = 'from b' }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"]).stdout == "from a\nfrom b\n")
        try FileManager.default.removeItem(atPath: home.path(".config/limber/plugins/b.lua"))
        #expect(try cron.run(["remind", "--now", "2025-06-04T19:05:00Z"]).stdout == "from a\n")
        try plugin("c.lua", "limber.reminder{ id = 'c', schedule = 'daily 07:00', message = 'from c' }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T19:35:00Z"]).stdout == "from c\n")
        // A config.lua that changes a plugin's settings is a change too.
        try plugin(
            "d.lua", "limber.reminder{ id = 'd', schedule = settings.at or 'daily 06:00', message = 'from d' }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T19:40:00Z"]).stdout == "from d\n")
        try home.write(".config/limber/config.lua", "return { settings = { d = { at = 'daily 19:45' } } }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T19:50:00Z"]).stdout == "from d\n")
    }

    @Test(arguments: ["truncated", "garbage", "edited", "version", "huge", "folder", "bounds", "empty"])
    func aBrokenIndexIsIgnoredAndRebuilt(_ damage: String) throws {
        try plugin("evening.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"]).stdout == "stretch\n")
        let good = try #require(FileManager.default.contents(atPath: index))
        let text = String(decoding: good, as: UTF8.self)
        let header = String(text.prefix { $0 != "\n" })
        let body = String(text.dropFirst(header.count + 1))
        var damaged: Data?
        switch damage {
        case "truncated": damaged = good.prefix(good.count / 2)
        case "garbage": damaged = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        case "edited": damaged = Data((header + "\n" + body.replacingOccurrences(of: "18:00", with: "18:40")).utf8)
        case "version":
            damaged = Data(("limber-remind-index 2 \(sha256(body))\n" + body).utf8)
        case "huge": damaged = Data(repeating: UInt8(ascii: " "), count: 3 << 20)
        case "bounds":
            // A checksum that holds over a schedule limber.reminder would refuse.
            let forged = body.replacingOccurrences(of: "18:00", with: "25:00")
            damaged = Data(("limber-remind-index 1 \(sha256(forged))\n" + forged).utf8)
        case "empty": damaged = Data()
        default: break
        }
        try FileManager.default.removeItem(atPath: index)
        if let damaged {
            #expect(FileManager.default.createFile(atPath: index, contents: damaged))
        } else {
            try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        }
        // The next day's reminder still comes, with nothing said about the index.
        let result = try cron.run(["remind", "--now", "2025-06-05T18:05:00Z"])
        #expect(result.status == 0 && result.stdout == "stretch\n" && result.stderr == "", "\(damage): \(result.stderr)")
        if damage != "folder" {
            let rebuilt = try #require(FileManager.default.contents(atPath: index))
            #expect(String(decoding: rebuilt.prefix(22), as: UTF8.self) == "limber-remind-index 1 ", "\(damage): rebuilt")
        }
        // And the one after that goes by the rebuilt index, as it would without one.
        #expect(try cron.run(["remind", "--now", "2025-06-05T18:35:00Z"]).stdout == "")
        #expect(try cron.run(["remind", "--now", "2025-06-06T18:05:00Z"]).stdout == "stretch\n")
    }

    @Test func aForgedIndexGrantsNothing() throws {
        // A plugin that asks for exec, not granted: an index cannot give it os.execute.
        try plugin(
            "sneaky.lua",
            """
            -- needs: exec
            limber.reminder{ id = 'sneaky', schedule = 'hourly',
              message = function() return 'execute is ' .. type(os.execute) end }
            """)
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"]).stdout == "execute is nil\n")
        let good = try #require(FileManager.default.contents(atPath: index))
        let text = String(decoding: good, as: UTF8.self)
        let body = String(text.drop { $0 != "\n" }.dropFirst())
        #expect(!body.contains("exec"), "the index holds no grants to forge")
        let forged = body.replacingOccurrences(of: "always=0", with: "always=1")
        #expect(
            FileManager.default.createFile(
                atPath: index, contents: Data(("limber-remind-index 1 \(sha256(forged))\n" + forged).utf8)))
        #expect(try cron.run(["remind", "--now", "2025-06-04T19:05:00Z"]).stdout == "execute is nil\n")
    }

    @Test func aLoadThatReadsTheClockOrPrintsRunsEveryTime() throws {
        try plugin(
            "clock.lua", "local _ = os.time()\nlimber.reminder{ id = 'c', schedule = 'daily 07:00', message = 'clock' }\n")
        try plugin("loud.lua", "print('loud loaded')\n")
        try plugin("quiet.lua", "limber.reminder{ id = 'q', schedule = 'daily 07:00', message = 'q' }\n")
        let first = try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"])
        #expect(first.stdout == "loud loaded\nclock\nq\n", "\(first.stderr)")
        let (second, counts) = try tracedRemind(
            ["--now", "2025-06-04T18:35:00Z"], counting: ["clock.lua", "loud.lua", "quiet.lua"])
        #expect(second.stdout == "loud loaded\n", "what a load prints is printed on every run, as before")
        #expect(counts["clock.lua", default: 0] >= 2 && counts["loud.lua", default: 0] >= 2, "\(counts)")
        #expect(counts["quiet.lua", default: 0] <= 1, "\(counts)")
    }

    @Test func aDueThatNeedsAnotherPluginsDefinitionsGetsThemAndPrintsOnce() throws {
        try plugin(
            "a_exercise.lua",
            """
            limber.catalogue.add{ id = 'wall-sit-test', name = 'Wall sit test', kind = 'static', position = 'standing',
              laterality = 'per_side', phase = 'post_run', dose = { unit = 'seconds', min = 30, max = 60, default = 30 },
              regions = { 'calves' } }
            """)
        try plugin(
            "b_reminder.lua",
            """
            limber.reminder{ id = 'wall', schedule = 'hourly', message = 'wall sit',
              due = function()
                print('checking')
                return limber.catalogue.get('wall-sit-test') ~= nil
              end }
            """)
        let first = try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"])
        #expect(first.stdout == "checking\nwall sit\n" && first.stderr == "", "\(first.stderr)")
        // Loaded alone, its due asks the catalogue: the run loads every plugin and asks again,
        // and what the first ask printed is not shown.
        let second = try cron.run(["remind", "--now", "2025-06-04T19:05:00Z"])
        #expect(second.stdout == "checking\nwall sit\n" && second.stderr == "", "\(second.stderr)")
        // The index learnt it: the next run loads both at once, with the same result.
        let (third, counts) = try tracedRemind(["--now", "2025-06-04T20:05:00Z"], counting: ["a_exercise.lua"])
        #expect(third.stdout == "checking\nwall sit\n")
        #expect(counts["a_exercise.lua", default: 0] >= 2)
    }

    @Test func aBrokenPluginIsReportedOnEveryRunAndDuplicatesAsBefore() throws {
        try plugin("a.lua", "limber.reminder{ id = 'same', schedule = 'daily 07:00', message = 'a' }\n")
        try plugin("b.lua", "limber.reminder{ id = 'same', schedule = 'daily 07:00', message = 'b' }\n")
        try plugin("c.lua", "this is not lua\n")
        for time in ["2025-06-04T18:05:00Z", "2025-06-04T18:35:00Z"] {
            let result = try cron.run(["remind", "--now", time])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 2, "\(result.stderr)")
            #expect(lines.first?.hasPrefix("limber: plugin b failed: ") == true)
            #expect(lines.last?.hasPrefix("limber: plugin c failed: ") == true)
        }
    }

    @Test func snoozeStillHoldsAReminderBackAndBringsItBack() throws {
        try plugin("evening.lua", "limber.reminder{ id = 'evening', schedule = 'daily 18:00', message = 'stretch' }\n")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:05:00Z"]).stdout == "stretch\n")
        let snooze = try cron.run(["remind", "--snooze", "evening", "20m", "--now", "2025-06-04T18:06:00Z"])
        #expect(snooze.status == 0, "\(snooze.stderr)")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:20:00Z"]).stdout == "", "snoozed")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:27:00Z"]).stdout == "stretch\n", "back after the snooze")
        #expect(try cron.run(["remind", "--now", "2025-06-04T18:40:00Z"]).stdout == "")
    }

    @Test func runsAtTheSameTimeLeaveOneWholeIndex() throws {
        for name in ["a", "b", "c"] {
            try plugin("\(name).lua", "limber.reminder{ id = '\(name)', schedule = 'hourly', message = '\(name)' }\n")
        }
        var stamp = 0
        for round in 0..<3 {
            // Each round changes a plugin, so every run may rebuild the index.
            stamp += 1
            try plugin("c.lua", "limber.reminder{ id = 'c', schedule = 'hourly', message = 'c\(stamp)' }\n")
            let runs = try (0..<6).map { offset in
                try cron.start([
                    "remind", offset % 2 == 0 ? "--dry-run" : "--json", "--now", "2025-06-04T1\(round + 1):0\(offset):00Z",
                ])
            }
            for run in runs {
                let result = run.wait()
                #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
            }
            let bytes = try #require(FileManager.default.contents(atPath: index))
            #expect(String(decoding: bytes.prefix(22), as: UTF8.self) == "limber-remind-index 1 ")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path(".cache/limber")).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
        // And the index they left is one the next run trusts: it delivers what is due, only that.
        #expect(try cron.run(["remind", "--now", "2025-06-04T20:05:00Z"]).stdout == "a\nb\nc3\n")
    }

    /// SHA-256 of text, as `sha256sum` prints it.
    func sha256(_ text: String) -> String {
        let file = home.path("hash-input")
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        let result = try? LimberProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [file], environment: [:])
        return String(result?.stdout.prefix(64) ?? "")
    }
}
