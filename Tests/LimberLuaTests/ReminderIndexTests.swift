import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The reminder index file and the probe that classifies plugins for it.
@Suite("reminder index: file, key and probe")
struct ReminderIndexTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    var paths: LimberPaths { LimberPaths(home: folder.url) }

    /// Loads the plugins written under `plugins/` in a host and builds their index.
    func index(_ plugins: [String: String], config: String? = nil) throws -> ReminderIndex {
        for (name, source) in plugins { try folder.write("config/plugins/\(name)", source) }
        if let config { try folder.write("config/config.lua", config) }
        let files = PluginFile.discover(in: paths.plugins)
        let key = try #require(ReminderIndexKey.current(plugins: files, configFile: paths.configFile, environment: [:]))
        let host = try LimberHost(paths: paths)
        host.config = try ConfigFile.load(from: paths.configFile, into: host.lua)
        let reports = files.map(PluginLoader(host: host).load)
        return ReminderIndexProbe.index(key: key, plugins: files, host: host, reports: reports)
    }

    func record(_ index: ReminderIndex, _ name: String) throws -> ReminderIndex.Plugin {
        let position = try #require(PluginFile.discover(in: paths.plugins).firstIndex { $0.name == name })
        return try #require(index.plugins?[position])
    }

    @Test func theProbeSeesWhatEachLoadTouches() throws {
        let built = try index(
            [
                "plain.lua": "limber.reminder{ id = 'p', schedule = 'daily 07:00', message = 'p' }",
                "routine.lua":
                    "limber.routine{ id = 'r', name = 'R', phase = 'cooldown', steps = { { exercise = 'childs-pose', hold = 30 } } }",
                "clock.lua": "local t = os.time()",
                "random.lua": "local r = math.random(10)",
                "memory.lua": "local kb = collectgarbage('count')",
                "address.lua": "local a = tostring({})",
                "printer.lua": "print('hi')",
                "log.lua": "local s = limber.log.sessions{}",
                "now.lua": "local n = limber.now()",
                "caught.lua": "-- needs: files\nlocal ok = pcall(function() return io.open('/etc/hostname') end)",
            ], config: "return { grants = { caught = { 'files' } } }")
        func kind(_ name: String) throws -> String {
            let plugin = try record(built, name)
            return (plugin.always ? "always" : "skippable") + (plugin.alone ? " alone" : " with others")
        }
        #expect(try kind("plain") == "skippable alone")
        #expect(try kind("routine") == "skippable with others")
        for name in ["clock", "random", "memory", "address", "printer"] {
            #expect(try kind(name) == "always alone", "\(name)")
        }
        for name in ["log", "now", "caught"] {
            #expect(try kind(name) == "always with others", "\(name)")
        }
        #expect(try record(built, "plain").reminders == [.init(id: "p", schedule: "daily 07:00", window: nil)])
    }

    @Test func aFailedPluginOrADuplicateIdMakesTheIndexLoadEverything() throws {
        let failed = try index([
            "a.lua": "error('no')", "b.lua": "limber.reminder{ id = 'b', schedule = 'hourly', message = 'b' }",
        ])
        #expect(failed.plugins == nil)
        try FileManager.default.removeItem(atPath: folder.path("config/plugins/a.lua"))
        let duplicate = try index(["c.lua": "limber.reminder{ id = 'b', schedule = 'hourly', message = 'c', override = true }"])
        #expect(duplicate.plugins == nil)
    }

    @Test func theFileRoundTripsAndRefusesAnythingElse() throws {
        let built = try index(["plain.lua": "limber.reminder{ id = 'p', schedule = 'daily 07:00', message = 'p' }"])
        let bytes = built.encoded()
        #expect(ReminderIndex.decode(bytes) == built)
        #expect(ReminderIndex.decode(Array(bytes.dropLast())) == nil, "truncated")
        #expect(ReminderIndex.decode(Array(bytes.prefix(30))) == nil)
        #expect(ReminderIndex.decode([]) == nil)
        var flipped = bytes
        flipped[flipped.count - 5] ^= 1
        #expect(ReminderIndex.decode(flipped) == nil, "one bit changed")
    }

    @Test func wordsWithEscapesSpacesNewlinesAndAnyTextRoundTrip() throws {
        var built = try index(["plain.lua": "limber.reminder{ id = 'p', schedule = 'daily 07:00', message = 'p' }"])
        let odd = [
            "100%", "%25 literal", "a b\nc", "%", "%2", "%zz", "%0a", "%%20", "caf\u{E9} \u{1F3C3}", "trailing ", " ",
            "", "e\u{301}=\u{301}",
        ]
        built.plugins = [
            ReminderIndex.Plugin(
                always: false, alone: true, defines: odd.map { "reminder:\($0)" },
                reminders: odd.map { ReminderIndex.Item(id: $0, schedule: "every \($0)", window: 60) })
        ]
        let bytes = built.encoded()
        let read = try #require(ReminderIndex.decode(bytes))
        #expect(read == built)
        #expect(read.plugins?.first?.reminders.map(\.id) == odd)
    }

    @Test func writersAtTheSameTimeLeaveReadersAWholeIndex() async throws {
        let built = try index(["plain.lua": "limber.reminder{ id = 'p', schedule = 'daily 07:00', message = 'p' }"])
        var other = built
        other.plugins?[0].always = true
        let file = ReminderIndex.file(in: paths.cache)
        let versions = [built, other]
        await withTaskGroup(of: [ReminderIndex?].self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for round in 0..<50 { versions[(writer + round) % 2].write(to: file) }
                    return []
                }
            }
            group.addTask { (0..<200).map { _ in ReminderIndex.read(from: file) } }
            for await reads in group {
                for read in reads { #expect(read == nil || versions.contains(read!), "a read sees one whole index") }
            }
        }
        #expect(versions.contains(try #require(ReminderIndex.read(from: file))))
        let left = try FileManager.default.contentsOfDirectory(atPath: paths.cache.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test func theKeyChangesWithAnyFileAPluginCanRead() throws {
        try folder.write("config/plugins/folder/init.lua", "local m = require('lib.m')\nlimber.reminder(m)")
        try folder.write("config/plugins/folder/lib/m.lua", "return { id = 'm', schedule = 'hourly', message = 'm' }")
        func key() throws -> ReminderIndexKey {
            try #require(
                ReminderIndexKey.current(
                    plugins: PluginFile.discover(in: paths.plugins), configFile: paths.configFile, environment: [:]))
        }
        let first = try key()
        #expect(try key() == first)
        try folder.write("config/plugins/folder/lib/m.lua", "return { id = 'm', schedule = 'hourly', message = 'n' }")
        let edited = try key()
        #expect(edited != first, "a module's bytes")
        try folder.write("config/plugins/folder/lib/extra.lua", "")
        #expect(try key() != edited, "a new module")
        let withModule = try key()
        try folder.write("config/config.lua", "return {}")
        #expect(try key() != withModule, "config.lua appearing")
        let configured = try key()
        let limited = try #require(
            ReminderIndexKey.current(
                plugins: PluginFile.discover(in: paths.plugins), configFile: paths.configFile,
                environment: ["LIMBER_CPU_LIMIT": "0.5"]))
        #expect(limited != configured, "another CPU budget")
    }

    @Test func anAgedFileIsStampedUnreadAndAnEditThatKeepsItsSizeAndTimeStillShows() throws {
        let file = try folder.write("stamp/p.lua", "return 1")
        let later = Int64(time(nil)) + 60
        let fresh = try #require(FileStamp.of(file.path))
        #expect(fresh.sha256 != nil, "a file changed just now is stamped by its bytes as well")
        let aged = try #require(FileStamp.of(file.path, now: later))
        #expect(aged.sha256 == nil, "one changed long ago is not read")
        #expect(aged.kind == .file && aged.size == 8 && aged.inode != 0)
        #expect(aged != fresh, "so a stamp taken while it was new is not trusted once it has aged")

        // The same size, and the modification time put back (`touch -r`): the change time moved.
        Thread.sleep(forTimeInterval: 0.05)
        try folder.write("stamp/p.lua", "return 2")
        var times = [
            timespec(tv_sec: Int(aged.modified / 1_000_000_000), tv_nsec: Int(aged.modified % 1_000_000_000)),
            timespec(tv_sec: Int(aged.modified / 1_000_000_000), tv_nsec: Int(aged.modified % 1_000_000_000)),
        ]
        #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        let edited = try #require(FileStamp.of(file.path, now: later))
        #expect(edited.modified == aged.modified && edited.size == aged.size)
        #expect(edited != aged)

        // Another file renamed over it, even with the same bytes and times: another inode.
        let other = try folder.write("stamp/q.lua", "return 2")
        #expect(utimensat(AT_FDCWD, other.path, &times, 0) == 0)
        #expect(rename(other.path, file.path) == 0)
        #expect(try #require(FileStamp.of(file.path, now: later)).inode != edited.inode)
    }

    @Test(arguments: [
        ("-- needs: exec, env\n", ["exec", "env"]),
        ("  --  needs:exec,,files  \nlocal x = 1\n", ["exec", "files"]),
        ("\t---needs: env\n", ["env"]),
        ("local x = 1 -- needs: exec\n", []),
        ("-- needs:\n", []),
        ("-- a plugin\n-- needs: files\n-- needs: exec\n", ["files"]),
        (String(repeating: "--\n", count: 20) + "-- needs: exec\n", []),
        ("-- caf\u{e9}\n-- needs: env , exec\n", ["env", "exec"]),
        ("\u{a0}-- needs: env\n", ["env"]),
    ])
    func theNeedsLineReadsAsBefore(_ source: String, _ expected: [String]) throws {
        let file = try folder.write("needs/p.lua", source)
        #expect(PluginFile(name: "p", entry: file, moduleFolder: nil).needs() == expected)
    }
}
