import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The log reads `limber remind` keeps between runs: used only while the log is the one they
/// were read from, and never instead of a change.
@Suite("limber remind's kept log reads")
struct RemindLogCacheTests {
    let folder: TemporaryFolder
    let paths: LimberPaths
    /// The wall clock as the cache sees it: ten seconds ahead, so the files the test just wrote
    /// are past the racy window without the test waiting (one test sets it back).
    let aged: @Sendable () -> Int64 = { Int64(time(nil)) + 10 }

    init() throws {
        folder = try TemporaryFolder()
        paths = LimberPaths(home: folder.url)
    }

    var cacheFile: URL { paths.cache.appendingPathComponent("remind-log") }

    /// Logs with a host of its own (no cache), closing the log after.
    func record(_ code: String, in home: LimberPaths? = nil) throws {
        let host = try LimberHost(paths: home ?? paths)
        host.sessionLog.timeZone = .gmt
        _ = try host.lua.run(code, chunkName: "@record.lua")
        try host.sessionLog.finishRecordings(completed: true)
        try host.sessionLog.closeIfOpened()
    }

    /// One `limber remind` run's worth of reads: `code` on a host with a fresh cache, then the
    /// end of the run (log closed, answers written). Returns what `code` returned and whether
    /// the log was opened.
    func remindRun(_ code: String, clock: (@Sendable () -> Int64)? = nil) throws -> (result: [LuaValue], opened: Bool) {
        try remindRun(clock: clock) { host in try host.lua.run(code, chunkName: "@reminder.lua") }
    }

    /// The same for any use of the host: `body`'s value, and whether the log was opened.
    func remindRun<T>(clock: (@Sendable () -> Int64)? = nil, _ body: (LimberHost) throws -> T) throws -> (T, Bool) {
        let host = try LimberHost(paths: paths)
        host.sessionLog.timeZone = .gmt
        let reads = RemindLogCache(cache: paths.cache, database: paths.database, wallClock: clock ?? aged)
        host.sessionLog.reads = reads
        let result = try body(host)
        let opened = host.sessionLog.openedLog != nil
        try host.sessionLog.closeIfOpened()
        reads.finish()
        return (result, opened)
    }

    static let runs = "return #limber.log.sessions{ activity = 'run' }"

    @Test func aKeptAnswerIsUsedWithoutOpeningTheLog() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400, notes = 'easy' }")
        let first = try remindRun(Self.runs)
        #expect(first.result == [1] && first.opened)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        let second = try remindRun(Self.runs)
        #expect(second.result == [1])
        #expect(!second.opened, "answered from the kept reads")
        // A read not kept yet asks the log, and the answers kept before still hold.
        let other = try remindRun("return #limber.log.sessions{ activity = 'mobility' }")
        #expect(other.result == [0] && other.opened)
        #expect(try remindRun(Self.runs).opened == false)
    }

    @Test func answersAccumulateUpToALimitWithTheLatestKept() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        let limit = RemindLogCache.maximumEntries
        for day in 0..<(limit + 6) {
            _ = try remindRun("return #limber.log.sessions{ since = \(1_749_000_000 - day * 86_400) }")
        }
        let entries = try String(contentsOf: cacheFile, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("entry ") }
        #expect(entries.count == limit)
        let latest = "return #limber.log.sessions{ since = \(1_749_000_000 - (limit + 5) * 86_400) }"
        #expect(try remindRun(latest) == ([1], false), "the last run's answer is kept")
    }

    @Test func anAnswerTooLargeToKeepIsAskedAgainAndTheOthersKept() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        func run(_ body: (RemindLogCache) -> Void) {
            let reads = RemindLogCache(cache: paths.cache, database: paths.database, wallClock: aged)
            #expect(reads.begin(logOpen: false))
            body(reads)
            reads.finish()
        }
        let large = LuaValue.string(String(repeating: "x", count: RemindLogCache.maximumEntrySize + 1))
        run { reads in
            reads.learn("large", large)
            reads.learn("small", 7)
        }
        run { reads in
            #expect(reads.answer("large") == nil)
            #expect(reads.answer("small") == 7)
        }
        #expect(RemindLogCache.frame.framed([]).count == RemindLogCache.frame.headerSize)
        // Many answers within the entry limit but past the file's: as many as fit are kept.
        let piece = LuaValue.string(String(repeating: "y", count: RemindLogCache.maximumEntrySize - 100))
        run { reads in
            for index in 0..<8 { reads.learn("piece \(index)", piece) }
        }
        run { reads in
            let kept = (0..<8).filter { reads.answer("piece \($0)") != nil }.count
            #expect(kept >= 2 && kept < 8, "\(kept)")
        }
    }

    @Test func aSessionLoggedBetweenRunsIsSeen() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        #expect(try remindRun(Self.runs).result == [1])
        try record("limber.log.record{ activity = 'run', minutes = 20, at = 1749106800 }")
        let after = try remindRun(Self.runs)
        #expect(after.result == [2] && after.opened)
        #expect(try remindRun(Self.runs) == ([2], false))
    }

    @Test func aLogCopiedOverWithItsSizeAndTimesKeptIsNotTrusted() throws {
        // Two logs of the same size: the same run with notes of the same length.
        let otherHome = try TemporaryFolder()
        let other = LimberPaths(home: otherHome.url)
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400, notes = 'aaaa' }")
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400, notes = 'bbbb' }", in: other)
        let original = paths.database.path
        let copy = other.database.path
        let notes = "return limber.log.sessions{ activity = 'run' }[1].notes"
        #expect(try remindRun(notes).result == ["aaaa"])

        var before = stat()
        #expect(stat(original, &before) == 0)
        // Written over in place (same inode), then its modification time set back.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        #expect(Int64(bytes.count) == Int64(before.st_size))
        let handle = try FileHandle(forWritingTo: paths.database)
        try handle.write(contentsOf: bytes)
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, original, &times, 0) == 0)
        var after = stat()
        #expect(stat(original, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(after.st_ino == before.st_ino)

        let read = try remindRun(notes)
        #expect(read.result == ["bbbb"] && read.opened, "the change time moved, so the log is asked")
    }

    @Test func aLogChangedWithinTheRacyWindowIsNeitherTrustedNorKept() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        let now: @Sendable () -> Int64 = { Int64(time(nil)) }
        #expect(try remindRun(Self.runs, clock: now) == ([1], true))
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path), "nothing kept for a log changed just now")
        // Kept answers, then a write: a run right after it (racy) asks the log.
        #expect(try remindRun(Self.runs).opened)
        #expect(try remindRun(Self.runs).opened == false)
        try record("limber.log.record{ activity = 'run', minutes = 20, at = 1749106800 }")
        #expect(try remindRun(Self.runs, clock: now) == ([2], true))
    }

    @Test func aDamagedOrForeignCacheFileIsIgnored() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        _ = try remindRun(Self.runs)
        let good = try Data(contentsOf: cacheFile)
        let text = String(decoding: good, as: UTF8.self)
        let body = String(text.drop { $0 != "\n" }.dropFirst())
        let file = CacheFile(url: cacheFile, frame: RemindLogCache.frame, maximumSize: 1 << 20)
        // An answer forged under the right stamps is used: the framing is what the test varies.
        let forged =
            body.replacingOccurrences(of: "entry sessions", with: "entry unused")
            + "entry \(CacheFile.escape(RemindLogCache.key(SessionQuery(activity: .run)))) t2 i1 i7 i2 i8\n"
        file.write(Array(forged.utf8))
        #expect(try remindRun(Self.runs) == ([2], false), "the file's own answer, proving it is read")

        var flipped = [UInt8](good)
        flipped[flipped.count - 3] ^= 1
        let damaged: [(String, [UInt8])] = [
            ("one bit changed", flipped),
            ("truncated", Array(good.dropLast(5))),
            ("empty", []),
            ("not a cache file", Array("hello\n".utf8)),
            ("another binary", file.frame.framed(Array(body.replacingOccurrences(of: "binary ", with: "binary x").utf8))),
            ("other stamps", file.frame.framed(Array(body.replacingOccurrences(of: " file ", with: " fil ").utf8))),
            ("a bad value", file.frame.framed(Array((body + "entry x t3 i1\n").utf8))),
            (
                "nested too deep",
                file.frame.framed(Array((body + "entry x " + String(repeating: "t1 i1 ", count: 40) + "i1\n").utf8))
            ),
            ("a stray line", file.frame.framed(Array((body + "junk\n").utf8))),
        ]
        for (what, bytes) in damaged {
            try Data(bytes).write(to: cacheFile)
            let run = try remindRun(Self.runs)
            #expect(run == ([1], true), "\(what)")
        }
    }

    @Test func lastRunIsTheLatestAtOrBeforeNowWhenALaterRunIsKept() throws {
        let day1 = 1_749_020_400 // 2025-06-04 07:00 UTC
        let day2 = day1 + 86_400
        try record("limber.log.record{ activity = 'run', minutes = 40, at = \(day1), notes = 'one' }")
        try record("limber.log.record{ activity = 'run', minutes = 30, at = \(day2), notes = 'two' }")
        func lastRun(at now: Int) throws -> (notes: String?, opened: Bool) {
            let (value, opened) = try remindRun { host in
                HostAPI.lastRunValue(host.sessionLog, now: Date(timeIntervalSince1970: TimeInterval(now)))
            }
            guard case .table(let table) = value else { return (nil, opened) }
            return (table["notes"].stringValue, opened)
        }
        #expect(try lastRun(at: day2 + 7200) == ("two", true))
        #expect(try lastRun(at: day2 + 9000) == ("two", false), "kept, and not after now")
        #expect(try lastRun(at: day1 + 7200) == ("one", true), "the kept run is later than now: the log is asked")
        #expect(try lastRun(at: day1 + 7200) == ("one", false), "kept for that time too")
        #expect(try lastRun(at: day1 - 60) == (nil, true), "no run yet")
        #expect(try lastRun(at: day2) == ("two", false), "a run that starts at now counts")
    }

    @Test func anotherUseOfTheLogEndsTheCacheForTheRun() throws {
        try record("limber.log.record{ activity = 'run', minutes = 40, at = 1749020400 }")
        _ = try remindRun(Self.runs)
        let before = try Data(contentsOf: cacheFile)
        // A kept answer, a write, then the same read: the write is seen.
        let run = try remindRun(
            """
            local a = #limber.log.sessions{ activity = 'run' }
            limber.log.record{ activity = 'run', minutes = 20, at = 1749106800 }
            return a, #limber.log.sessions{ activity = 'run' }
            """)
        #expect(run.result == [1, 2])
        #expect(try Data(contentsOf: cacheFile) == before, "nothing written by a run that used the log otherwise")
        #expect(try remindRun(Self.runs) == ([2], true))
    }
}

@Suite("Lua values as cache words")
struct LuaValueWordsTests {
    @Test func plainValuesComeBackBitForBit() throws {
        var inner = LuaTable()
        inner["a b"] = .string(LuaString(bytes: [0x25, 0x32, 0x30, 0x0A, 0xFF, 0x20, 0x00]))
        inner[.integer(1)] = .number(-0.0)
        inner[.number(2.5)] = .boolean(false)
        inner[.boolean(true)] = .integer(.min)
        var outer = LuaTable()
        outer["inner"] = .table(inner)
        outer["nan"] = .number(.nan)
        outer["big"] = .integer(.max)
        outer["inf"] = .number(-.infinity)
        outer["empty"] = .table(LuaTable())
        outer["text"] = "tr%ue t42"
        let values: [LuaValue] = [.nil, true, false, 0, -7, .number(0.1), "", "nil", "true", .table(outer)]
        for value in values {
            let bytes = try #require(LuaValueWords.encode(value))
            let words = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            let decoded = try #require(LuaValueWords.decode(words[...]))
            #expect(Self.same(decoded, value), "\(value)")
            #expect(!bytes.contains(UInt8(ascii: "\n")))
        }
    }

    @Test func malformedWordsAreNoValue() {
        let cases = [
            "", "t1 i1", "t1 snil", "i1 i2", "t-1", "t2 i1 i1 i1 i2", "t1 nil i1", "t1 n7ff8000000000000 i1", "x",
            "i", "i1.5", "nzz", "t1 i1 nil", "s%2",
        ]
        for text in cases {
            let words = Array(text.utf8).split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            let value = LuaValueWords.decode(words[...])
            if text == "s%2" {
                #expect(value.map { Self.same($0, "%2") } == true, "a stray % stays as it is")
            } else {
                #expect(value == nil, "\(text)")
            }
        }
    }

    /// Equal values, with NaN equal to NaN and -0.0 apart from 0.0 (bit for bit).
    static func same(_ a: LuaValue, _ b: LuaValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.table(let x), .table(let y)):
            return x.count == y.count && x.entries.allSatisfy { key, value in y.entries[key].map { same(value, $0) } ?? false }
        default: return a == b
        }
    }
}
