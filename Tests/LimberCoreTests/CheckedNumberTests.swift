import Foundation
import Testing

@testable import LimberCore

@Suite("checked conversions of outside numbers")
struct CheckedNumberTests {
    static let latest = Double(CheckedNumber.latestStamp)

    @Test(arguments: [
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"), (1e300, "1e+300"), (-1, "-1"),
        (-0.5, "-0.5"), (253_402_300_800, "253402300800"), (4.611686018427388e18, "4.611686018427388e+18"),
        (-9.223372036854775808e18, "-9.223372036854776e+18"),
    ])
    func timesOutsideTheRangeNameTheFieldAndTheValue(seconds: Double, shown: String) {
        #expect(throws: CheckedNumberError(field: "at", expected: "a time between 1970-01-01 and 9999-12-31", got: shown)) {
            try CheckedNumber.date(seconds: seconds, field: "at")
        }
        let error = CheckedNumberError(field: "at", expected: CheckedNumber.timeRange, got: shown)
        #expect(error.description == "field 'at': expected a time between 1970-01-01 and 9999-12-31, got \(shown)")
    }

    @Test func theEdgesOfTheTimeRangeAreKept() throws {
        #expect(try CheckedNumber.stamp(CheckedNumber.date(seconds: 0, field: "at"), field: "at") == 0)
        #expect(
            try CheckedNumber.stamp(CheckedNumber.date(seconds: Self.latest + 0.999, field: "at"), field: "at")
                == CheckedNumber.latestStamp)
        #expect(throws: CheckedNumberError.self) { try CheckedNumber.date(stamp: CheckedNumber.latestStamp + 1, field: "at") }
        #expect(throws: CheckedNumberError.self) { try CheckedNumber.date(stamp: .min, field: "at") }
        #expect(
            LocalDay(try CheckedNumber.date(stamp: CheckedNumber.latestStamp, field: "at"), in: TimeZone(identifier: "UTC")!)
                == LogLimits.latestDay)
    }

    @Test func integersMustBeWholeAndInRange() throws {
        #expect(try CheckedNumber.integer(2.0, field: "n", in: 0...10) == 2)
        #expect(try CheckedNumber.integer(-9.223372036854775808e18, field: "n", in: Int64.min...Int64.max) == .min)
        #expect(throws: CheckedNumberError(field: "n", expected: "an integer", got: "9.223372036854776e+18")) {
            try CheckedNumber.integer(9.223372036854775807e18, field: "n", in: Int64.min...Int64.max)
        }
        #expect(throws: CheckedNumberError(field: "n", expected: "an integer from 0 to 10", got: "2.5")) {
            try CheckedNumber.integer(2.5, field: "n", in: 0...10)
        }
        #expect(throws: CheckedNumberError(field: "n", expected: "an integer ≥ 0", got: "nan")) {
            try CheckedNumber.rounded(.nan, .up, field: "n", in: 0...Int.max)
        }
        #expect(try CheckedNumber.rounded(2.1, .up, field: "n", in: 0...10) == 3)
        #expect(throws: CheckedNumberError.self) { try CheckedNumber.integer(Int64.max, field: "n", in: Int32.min...Int32.max) }
        #expect(try CheckedNumber.integer(text: "-12", field: "n", in: -100...100) == -12)
        #expect(throws: CheckedNumberError(field: "n", expected: "an integer from 0 to 100", got: "'99999999999999999999'")) {
            try CheckedNumber.integer(text: "99999999999999999999", field: "n", in: 0...100)
        }
    }

    @Test func durationsAreFiniteNonNegativeAndBounded() throws {
        #expect(try CheckedNumber.duration(seconds: 1.5, field: "seconds", in: 0...10) == .milliseconds(1500))
        for bad in [Double.nan, .infinity, -1, 11, 1e300] {
            #expect(throws: CheckedNumberError.self) { try CheckedNumber.duration(seconds: bad, field: "seconds", in: 0...10) }
        }
        #expect(throws: CheckedNumberError(field: "--timeout", expected: "0 to 3600 seconds", got: "inf")) {
            try CheckedNumber.duration(seconds: .infinity, field: "--timeout", in: 0...3600)
        }
    }

    @Test func savedStampsNeverTrap() {
        #expect(CheckedNumber.saturatingStamp(Date(timeIntervalSince1970: .nan)) == 0)
        #expect(CheckedNumber.saturatingStamp(Date(timeIntervalSince1970: .infinity)) == CheckedNumber.saturation)
        #expect(CheckedNumber.saturatingStamp(Date(timeIntervalSince1970: -1e300)) == -CheckedNumber.saturation)
        #expect(CheckedNumber.saturatingStamp(Date(timeIntervalSince1970: -0.5)) == -1)
        // A day from any date, even one no write path accepts, is computed without overflow.
        _ = LocalDay(Date(timeIntervalSince1970: .infinity), in: TimeZone(identifier: "Pacific/Kiritimati")!)
    }

    /// The examples on the log's own write paths: each is refused naming the field, and nothing is written.
    @Test func theLogRefusesWhatItCouldNotExport() throws {
        let log = try SessionLog()
        let utc = TimeZone(identifier: "UTC")!
        let bad: [Date] = [
            .init(timeIntervalSince1970: .infinity), .init(timeIntervalSince1970: .nan), .init(timeIntervalSince1970: 1e300),
            .init(timeIntervalSince1970: -9.223372036854775808e18), .init(timeIntervalSince1970: 4.611686018427388e18),
            .init(timeIntervalSince1970: -1),
        ]
        for date in bad {
            #expect(throws: LogError.self) { try log.startSession(routine: "x", source: .script, at: date, timeZone: utc) }
            #expect(throws: LogError.self) {
                try log.log(NewSession(routine: "x", source: .script, startedAt: date), timeZone: utc)
            }
            #expect(throws: LogError.self) {
                try log.log(
                    NewSession(
                        routine: "x", source: .script, startedAt: Date(timeIntervalSince1970: 0),
                        sets: [NewSet(exercise: "pigeon", at: date)]), timeZone: utc)
            }
        }
        // The last second of 9999 is kept in UTC, but not where it is already the year 10000.
        try log.log(NewSession(routine: "x", source: .script, startedAt: Date(timeIntervalSince1970: Self.latest)), timeZone: utc)
        #expect(throws: LogError.self) {
            try log.log(
                NewSession(routine: "x", source: .script, startedAt: Date(timeIntervalSince1970: Self.latest)),
                timeZone: TimeZone(identifier: "Pacific/Kiritimati")!)
        }
        // A timed session whose sets would end after 9999.
        #expect(throws: LogError.self) {
            try log.log(
                NewSession(
                    routine: "x", source: .script, startedAt: Date(timeIntervalSince1970: Self.latest - 10),
                    sets: [
                        NewSet(exercise: "pigeon", unit: .seconds, actual: 1e9, at: Date(timeIntervalSince1970: Self.latest - 10))
                    ]),
                timeZone: utc)
        }
        #expect(throws: LogError.invalid(field: "notes", reason: "must not contain a NUL character")) {
            try log.log(
                NewSession(routine: "x", source: .script, startedAt: Date(timeIntervalSince1970: 0), notes: "a\u{0}b"),
                timeZone: utc)
        }
        #expect(try log.sessions().count == 1)
        let copy = try SessionLog()
        try copy.importLog(try log.export(format: .json))
        #expect(try copy.export(format: .csv) == log.export(format: .csv))
    }

    /// Import refuses times outside the range (a zone offset can push a 9999 time past it) and NUL text.
    @Test(arguments: [
        "1969-12-31T23:59:59Z", "9999-12-31T23:59:59-00:01", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00+00:01",
    ])
    func importRefusesTimesOutsideTheRange(time: String) throws {
        let csv =
            "type,session,activity,routine,source,started_at,completed,day\nsession,u1,mobility,x,manual,\(time),false,2024-01-01\n"
        let log = try SessionLog()
        #expect(
            throws: LogError.malformedFile(
                line: 2, reason: "invalid started_at '\(time)' (expected a time between 1970-01-01 and 9999-12-31)")
        ) {
            try log.importLog(csv)
        }
        let json =
            "{\"format\":\"limber-log\",\"version\":1,\"records\":[{\"type\":\"skip\",\"day\":\"2024-05-05\",\"reason\":\"a\\u0000b\"}]}"
        #expect(throws: LogError.malformedFile(line: 1, reason: "field 'reason' contains a NUL character")) {
            try log.importLog(json)
        }
        #expect(try log.export(format: .csv) == SessionLog().export(format: .csv))
    }
}
