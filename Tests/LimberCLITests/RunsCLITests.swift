import Foundation
import LimberTestSupport
import Testing

/// A fixture of Tests/Fixtures/runs.
private func fixture(_ name: String) -> String {
    Repository.url("Tests/Fixtures/runs/" + name).path
}

@Suite("limber runs: import, list, scan, stats, Lua, and the watched folder through remind", .serialized)
struct RunsCLITests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2026-03-12T20:00:00Z", "TZ": "UTC"])
    }

    @Test func importPrintsEachRunAndOneLinePerBrokenFileAndExitsOne() throws {
        let result = try limber.run([
            "runs", "import", fixture("run.fit"), fixture("broken/bad_crc.fit"), fixture("broken/truncated.fit"),
            fixture("xml/run.tcx"),
        ])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            errors == [
                "limber: \(fixture("broken/bad_crc.fit")): the FIT file's CRC does not match (corrupt or incompletely copied)",
                "limber: \(fixture("broken/truncated.fit")): cut short: the header announces 605 bytes of records but the file holds 295",
            ])
        #expect(result.stdout.contains("imported  Mon 2026-03-09 07:00  47 min    8.20 km"))
        #expect(result.stdout.contains("imported  Wed 2026-03-11 07:00  45 min    9.00 km"))
        #expect(result.stdout.hasSuffix("2 runs imported from 4 files, 2 failed\n"))
    }

    @Test func verboseAndJSONSayWhyFilesWereSkipped() throws {
        let verbose = try limber.run([
            "runs", "import", "-v", fixture("ride.fit"), fixture("settings.fit"), fixture("xml/no_sport.gpx"),
        ])
        #expect(verbose.status == 0, "\(verbose.stderr)")
        #expect(verbose.stdout.contains("skipped   \(fixture("ride.fit")): a cycling activity, not a run"))
        #expect(verbose.stdout.contains("skipped   \(fixture("settings.fit")): a settings file, not an activity"))
        #expect(verbose.stdout.contains("the file does not say which sport (--as run imports it as a run)"))

        let json = try limber.run(["runs", "import", "--json", "--as", "run", fixture("xml/no_sport.gpx"), fixture("walk.fit")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["imported", "skipped"])
        #expect(files[1]["reason"] as? String == "a walking activity, not a run")
        #expect(object["imported"] as? Int == 1)

        let wrong = try limber.run(["runs", "import", "--as", "ride", fixture("walk.fit")])
        #expect(wrong.status != 0 && wrong.stderr.contains("--as takes only 'run'"))
    }

    @Test func aRunTypedInKeepsItsDistance() throws {
        let added = try limber.run(["log", "add", "run", "--minutes", "45", "--distance", "10,5 km", "--at", "2026-03-10 18:00"])
        #expect(added.status == 0, "\(added.stderr)")
        let list = try limber.run(["runs"])
        #expect(list.stdout.contains("Tue 2026-03-10 18:00  45 min    10.50 km   running"), "\(list.stdout)")
        let json = try limber.run(["runs", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["distance_m"] as? Double } == [10500])
        #expect(runs.map { $0["origin"] as? String } == ["manual"])

        let refusals: [([String], String)] = [
            (["log", "add", "run", "--distance", "8"], "--distance '8' is not a distance like 8km, 5mi or 800m"),
            (["log", "add", "run", "--distance", "1,500m"], "is not a distance like"),
            (["log", "add", "run", "--distance", "20000 km"], "is more than the log keeps (10,000 km)"),
            (["log", "add", "cat-cow", "--distance", "3km"], "--distance is for a run"),
        ]
        for (arguments, expected) in refusals {
            let result = try limber.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("limber: ") && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        }
        #expect(try limber.run(["runs", "--json"]).stdout == json.stdout, "nothing was logged by a refused line")
    }

    @Test func runsJSONHasExactlyTheDocumentedShape() throws {
        _ = try limber.run(["runs", "import", fixture("trail.fit"), fixture("xml/run_phone.gpx")])
        _ = try limber.run(["log", "add", "run", "--minutes", "30", "--at", "2026-03-10 18:00"])
        let result = try limber.run(["runs", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Array(object.keys) == ["runs"])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.count == 3)
        for run in runs {
            #expect(Set(run.keys) == ["started_at", "ended_at", "seconds", "distance_m", "sport", "source", "origin"])
        }
        #expect(runs.map { $0["origin"] as? String } == ["import", "import", "manual"], "how each run reached the log")
        #expect(runs[0]["started_at"] as? String == "2026-03-09T07:00:30Z")
        #expect(runs[0]["source"] as? String == fixture("xml/run_phone.gpx"))
        #expect(runs[1]["started_at"] as? String == "2026-03-09T09:00:00Z")
        #expect(runs[1]["ended_at"] as? String == "2026-03-09T10:25:00Z")
        #expect(runs[1]["seconds"] as? Int == 5100)
        #expect(runs[1]["distance_m"] as? Double == 12500)
        #expect(runs[1]["sport"] as? String == "trail_running")
        #expect(runs[2]["source"] is NSNull && runs[2]["distance_m"] is NSNull, "a run typed in has no file or distance")

        let since = try limber.run(["runs", "--since", "2026-03-10"])
        #expect(since.stdout.split(separator: "\n").count == 1)
        #expect(since.stdout.contains("Tue 2026-03-10 18:00  30 min") && since.stdout.contains("logged by hand"))
    }

    @Test func luaSeesDistanceAndDurationOfRuns() throws {
        _ = try limber.run(["runs", "import", fixture("run.fit"), fixture("treadmill.fit")])
        let script = try home.write(
            "runs.lua",
            """
            local last = limber.log.last('run')
            print(last.distance_m, last.seconds, last.sport, last.file ~= nil)
            for _, run in ipairs(limber.log.sessions{ activity = 'run' }) do print(run.started_at, run.seconds, run.distance_m) end
            """)
        let result = try limber.run(["run", script.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "6000\t1800\ttreadmill_running\ttrue\n1773039600\t2820\t8200\n1773057600\t1800\t6000\n")
    }

    @Test func statsShowsWeeklyDistanceAndRunsFollowedByACooldown() throws {
        _ = try limber.run(["runs", "import", fixture("run.fit"), fixture("xml/run.tcx")])
        let logged = try limber.run(["log", "add", "cat-cow", "--reps", "10", "--at", "2026-03-09 08:30"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let result = try limber.run(["stats", "--weeks", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2026-03-09  #################### 2   #################### 17.2"))
        #expect(result.stdout.contains("1 of 2 runs followed by a cool-down within 3 hours"))
        let json = try limber.run(["stats", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [String: Any])
        #expect(runs["followed_by_cooldown"] as? Int == 1 && runs["runs"] as? Int == 2)
        #expect(runs["by_source"] as? [String: Int] == ["import": 2])
        #expect(result.stdout.contains("runs logged     2 imported from files\n"))
    }

    @Test func remindersSeeTheLastRunInTheirContext() throws {
        try home.write(
            "config/plugins/last-run.lua",
            """
            limber.reminder{ id = 'last-run', schedule = 'every 30 minutes',
              message = function(ctx)
                local run = ctx.last_run
                if run == nil then return 'no run' end
                return string.format('%s %d s %d m %s', run.sport, run.seconds, run.distance_m, run.day)
              end }
            """)
        let before = try limber.run(["remind", "--now", "2026-03-09T06:10:00Z"])
        #expect(before.stdout == "no run\n", "\(before.stderr)")
        _ = try limber.run(["runs", "import", fixture("trail.fit"), fixture("run.fit")])
        let after = try limber.run(["remind", "--now", "2026-03-09T11:10:00Z"])
        #expect(after.stdout == "trail_running 5100 s 12500 m 2026-03-09\n", "\(after.stderr)")
    }

    @Test func aBadRunsEntryInConfigIsOneLine() throws {
        try home.write("config/config.lua", "return { runs = { folders = '~/Garmin' } }\n")
        let result = try limber.run(["runs", "scan"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("config.lua") && result.stderr.contains("folders"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func theWatchedFolderIsImportedByRemindInCronsBareEnvironment() throws {
        // A watch mounted under HOME, a folder that is not there, and a file the copy broke.
        let watch = home.url.appendingPathComponent("Garmin/Activity")
        try FileManager.default.createDirectory(at: watch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture("run.fit"), toPath: watch.appendingPathComponent("RUN.FIT").path)
        try FileManager.default.copyItem(
            atPath: fixture("broken/truncated.fit"), toPath: watch.appendingPathComponent("cut.fit").path)
        try home.write(
            ".config/limber/config.lua",
            """
            return { runs = { folders = { "~/Garmin/Activity", "~/Suunto/not-plugged-in" } } }
            """)
        // Shipped plugins on: the stretch-after-run reminder is the one that should speak.
        let cron = CronLikeProcess(home: home.url, extra: ["TZ": "UTC"])
        let first = try cron.run(["remind", "--now", "2026-03-09T08:30:00Z"])
        #expect(first.stdout == "You ran 47 minutes today but have not stretched yet: limber start runner-cooldown.\n")
        #expect(
            first.stderr
                == "limber: \(watch.path)/cut.fit: cut short: the header announces 605 bytes of records but the file holds 295\n")
        #expect(first.status == 1)

        // Half an hour later: the run is known, the broken file is not reported again, nothing is due.
        let second = try cron.run(["remind", "--now", "2026-03-09T09:00:00Z"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "" && second.stderr == "")

        let list = try cron.run(["runs", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        #expect((object["runs"] as? [[String: Any]])?.count == 1)

        let scan = try cron.run(["runs", "scan", "-v"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stdout.contains("unchanged \(watch.path)/RUN.FIT"))
    }
}

@Suite("limber runs import --dry-run")
struct RunsDryRunTests {
    @Test func aDryRunSaysWhatWouldBeImportedAndWritesNothing() throws {
        let home = try TemporaryFolder()
        let limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "TZ": "UTC"])
        let dry = try limber.run(["runs", "import", "--dry-run", fixture("run.fit"), fixture("ride.fit")])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("would import  Mon 2026-03-09 07:00  47 min"))
        #expect(dry.stdout.hasSuffix("1 run to import from 2 files, 1 skipped (--verbose says why)\n"))
        #expect(try limber.run(["runs", "--json"]).stdout.contains("\"runs\" : [\n\n  ]"))
        // Nothing cached either: the real import reads and imports the file.
        let real = try limber.run(["runs", "import", fixture("run.fit")])
        #expect(real.stdout.hasSuffix("1 run imported from 1 file\n"))
    }
}
