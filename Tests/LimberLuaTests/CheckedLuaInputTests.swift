import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The crashes, from Lua: numbers no Swift integer or date can hold are clear Lua errors
/// naming the field, and the log keeps only what exports and imports back.
@Suite("numbers, times and durations from Lua are checked")
struct CheckedLuaInputTests {
    let folder: TemporaryFolder
    let host: LimberHost
    let log: SessionLog
    let clock = VirtualClock(date: Date(timeIntervalSince1970: 1_715_182_200), timeZone: TimeZone(identifier: "UTC") ?? .current)

    init() throws {
        folder = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: folder.url))
        log = try SessionLog()
        let clock = self.clock
        host.clock = clock
        host.sessionLog.use(log)
        host.sessionLog.now = { clock.date }
        host.sessionLog.timeZone = TimeZone(identifier: "UTC") ?? .current
    }

    func error(_ source: String) -> String {
        do {
            try host.lua.run(source, chunkName: "@t.lua")
            return ""
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        ("1/0", "inf"), ("-1/0", "-inf"), ("0/0", "nan"), ("1e300", "1e+300"), ("math.mininteger", "-9223372036854775808"),
        ("2^62", "4.611686018427388e+18"), ("math.maxinteger", "9223372036854775807"), ("-1", "-1"),
        ("253402300800", "253402300800"),
    ])
    func aSetAtAnImpossibleTimeIsALuaError(at: String, shown: String) throws {
        let message = error("limber.log.record{ routine = 'x', exercise = 'childs-pose', hold = 5, at = \(at) }")
        #expect(message.contains("field 'at': expected a time between 1970-01-01 and 9999-12-31, got \(shown)"), "\(message)")
        let session = error("limber.log.record{ routine = 'x', sets = { { exercise = 'childs-pose', hold = 5 } }, at = \(at) }")
        #expect(session.contains("field 'at': expected a time"), "\(session)")
        #expect(try log.sessions().isEmpty)
    }

    @Test func everyNumberOfAWholeSessionIsChecked() throws {
        #expect(
            error("limber.log.record{ routine = 'x', sets = { { exercise = 'childs-pose', hold = 1/0 } } }")
                .contains("field 'sets[1].hold': expected a number from 0 to 1000000000, got inf"))
        #expect(
            error("limber.log.record{ routine = 'x', sets = { { exercise = 'childs-pose', hold = 5, at = 0/0 } } }")
                .contains("field 'sets[1].at': expected a time"))
        #expect(
            error("limber.log.record{ activity = 'run', minutes = 1/0 }").contains(
                "field 'minutes': expected a number from 0 to 1000000, got inf"))
        #expect(
            error("limber.log.record{ activity = 'run', minutes = 1e6, at = 253402300000 }").contains(
                "field 'minutes': expected a time"))
        #expect(error("limber.log.record{ activity = 'run', ended_at = 2^62 }").contains("field 'ended_at': expected a time"))
        #expect(
            error("limber.log.record{ exercise = 'cat-cow', reps = 1e10 }").contains(
                "field 'reps': expected a number from 0 to 1000000000"))
        #expect(
            error("limber.log.record{ exercise = 'cat-cow', reps = 10, discomfort = math.mininteger }").contains("discomfort"))
        #expect(error("limber.log.record{ routine = 'x\\0y', exercise = 'cat-cow', reps = 10 }").contains("NUL"))
        #expect(try log.sessions().isEmpty)
    }

    @Test func theEdgesOfTheRangeAreLoggedAndRestored() throws {
        try host.lua.run(
            """
            limber.log.record{ routine = 'first', exercise = 'cat-cow', reps = 1e9, at = 0 }
            limber.log.record{ routine = 'last', sets = { { exercise = 'cat-cow', reps = 0.5, discomfort = 10 } }, at = 253402300799, notes = '"q", \\u{2028}' }
            """)
        try host.sessionLog.finishRecordings(completed: true)
        let sets = try log.sets(SetQuery())
        #expect(sets.map(\.at.timeIntervalSince1970).sorted() == [0, 253_402_300_799])
        for format in LogFormat.allCases {
            let copy = try SessionLog()
            try copy.importLog(try log.export(format: format))
            #expect(try copy.export(format: .csv) == log.export(format: .csv))
        }
    }

    @Test func timersAndFiltersRefuseImpossibleLengths() {
        for bad in ["1/0", "0/0", "-1/0", "1e300", "-1", "86401", "math.mininteger"] {
            #expect(error("limber.timer.sleep(\(bad))").contains("bad argument #1 'seconds' (expected 0 to 86400 seconds, got"))
            #expect(error("limber.timer.countdown(\(bad))").contains("bad argument #1 'seconds'"))
            if bad != "86401" { #expect(error("limber.log.sessions{ since = \(bad) }").contains("field 'since'"), "\(bad)") }
        }
        #expect(error("limber.log.sets{ since = 0/0 }").contains("field 'since': expected a time"))
        #expect(error("limber.log.sets{ limit = 1/0 }").contains("field 'limit'"))
        #expect(error("limber.timer.sleep(0.25)") == "")
    }

    @Test func sessionOptionsRefuseImpossibleNumbers() throws {
        try host.lua.run(
            "limber.routine{ id = 'short', name = 'Short', rest = 0, steps = { { exercise = 'childs-pose', hold = 1 } } }")
        for options in [
            "pace = 0/0", "pace = 1/0", "hold = math.maxinteger", "hold = 1/0", "get_ready = math.mininteger", "switch = 2^63",
        ] {
            #expect(!error("limber.session.start('short', { \(options) })").isEmpty, "\(options)")
        }
        #expect(try log.sessions().isEmpty)
    }
}
