import Foundation
import PropertyBased
import Testing

@testable import LimberCore

/// Whole random logs — sessions from every source, runs with and without their sport, distance
/// and file, sets, skip and rest days, weekly rest days — with values at, inside and just
/// outside `LogLimits`: what the log accepts exports in both formats and imports into an empty
/// log that holds the same rows, field by field, and exports the same bytes again; what it
/// refuses is refused as invalid and changes nothing.
@Suite("whole log archive round trip (property)")
struct LogArchivePropertyTests {
    typealias Base = LogRoundTripPropertyTests

    /// One write to the log.
    enum Write: Sendable, CustomStringConvertible {
        case session(NewSession)
        case mark(DayMark)
        case restWeekdays(Set<Int>)

        var description: String {
            switch self {
            case .session(let session): "session \(session)"
            case .mark(let mark): "mark \(mark.kind) \(mark.day.number) \(String(reflecting: mark.reason))"
            case .restWeekdays(let days): "rest weekdays \(days.sorted())"
            }
        }
    }

    /// Metres at the edges (zero, the smallest double, the largest distance) and beyond them.
    static let distances: Generator<Double, some SendableSequenceType> = Gen.frequency(
        (
            3,
            Base.pick([
                0, -0.0, 1, 0.1, 1.0 / 3, Double.leastNonzeroMagnitude, 42_195, 12_345.678_9, 1e7.nextDown, 1e7,
                // Outside: refused.
                -1, -Double.leastNonzeroMagnitude, 1e7.nextUp, 1e300, .infinity, -.infinity, .nan,
            ]).eraseToAny()
        ),
        (1, Gen.double(in: 0...1e7).eraseToAny()))

    static let sports: Generator<String, some SendableSequenceType> = Gen.frequency(
        (3, Base.pick(["running", "trail_running", "treadmill_running"]).eraseToAny()),
        (1, Base.text.eraseToAny()))

    static let runDetail: Generator<RunDetail, some SendableSequenceType> = zip(
        sports, distances.optional(), Base.text.optional()
    ).map { (sport: String, distance: Double?, file: String?) -> RunDetail in
        RunDetail(sport: sport, distance: distance, sourceFile: file)
    }.eraseToAny()

    /// A session; most of those with a run's detail are runs (the others are refused).
    static let session: Generator<NewSession, some SendableSequenceType> = zip(
        Base.session, runDetail.optional(valueRate: 0.5), Gen.bool(0.85)
    ).map { (session: NewSession, run: RunDetail?, isRun: Bool) -> NewSession in
        var session = session
        session.run = run
        if run != nil && isRun { session.activity = .run }
        return session
    }.eraseToAny()

    static let days: Generator<Int, some SendableSequenceType> = Gen.frequency(
        (
            2,
            Base.pick([
                -719_528, -1, 0, 19_844, 2_932_896,
                // Outside: refused.
                -719_529, 2_932_897, Int.min, Int.max,
            ]).eraseToAny()
        ),
        (1, Gen.int(in: -719_528...2_932_896).eraseToAny()))

    static let mark: Generator<DayMark, some SendableSequenceType> = zip(days, Gen<DayMark.Kind>.case, Base.text.optional())
        .map { (day: Int, kind: DayMark.Kind, reason: String?) -> DayMark in
            DayMark(day: LocalDay(number: day), kind: kind, reason: reason)
        }.eraseToAny()

    static let writes: Generator<[Write], some SendableSequenceType> = Gen.frequency(
        (6, session.map { Write.session($0) }.eraseToAny()),
        (2, mark.map { Write.mark($0) }.eraseToAny()),
        (1, Gen.int(in: 1...8).set(ofAtMost: 0...7).map { Write.restWeekdays($0) }.eraseToAny())
    ).array(of: 0...8)

    @Test func everyAcceptedLogRestoresRowForRowAndExportsTheSameBytes() async throws {
        await propertyCheck(count: 200, input: Self.writes, Base.zones) { writes, zone in
            let log = try SessionLog()
            for write in writes {
                let before = try LogTables.rows(of: log)
                do {
                    try Self.apply(write, to: log, zone: zone)
                    #expect(Self.fits(write, zone: zone), "accepted a value outside the log's range: \(write)")
                } catch let error as LogError {
                    guard case .invalid = error else {
                        Issue.record("refused with \(error), not as an invalid value: \(write)")
                        return
                    }
                    #expect(try LogTables.rows(of: log) == before, "a refused write changed the log: \(write)")
                    #expect(!Self.fits(write, zone: zone), "refused a value the log can hold: \(error): \(write)")
                }
            }
            try Self.expectRoundTrip(log)
        }
    }

    static func apply(_ write: Write, to log: SessionLog, zone: TimeZone) throws {
        switch write {
        case .session(let session): try log.log(session, timeZone: zone)
        case .mark(let mark): try log.mark(mark)
        case .restWeekdays(let days): try log.setRestWeekdays(days)
        }
    }

    /// Whether every value of `write` lies inside what the log keeps.
    static func fits(_ write: Write, zone: TimeZone) -> Bool {
        switch write {
        case .session(let session):
            guard Base.fits(session, zone: zone) else { return false }
            guard let run = session.run else { return true }
            return session.activity == .run && !run.sport.isBlank && Base.fits(text: run.sport)
                && run.distance.map { $0.isFinite && $0 >= 0 && $0 <= 10_000_000 } ?? true
                && run.sourceFile.map { !$0.isEmpty && Base.fits(text: $0) } ?? true
        case .mark(let mark):
            return (-719_528...2_932_896).contains(mark.day.number) && Base.fits(text: mark.reason)
        case .restWeekdays(let days):
            return days.allSatisfy((1...7).contains) && days.count < 7
        }
    }

    /// Each export of `log` imports into an empty log holding the same rows, value for value,
    /// whose exports in both formats are byte for byte those of `log`.
    static func expectRoundTrip(_ log: SessionLog, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try LogTables.rows(of: log)
        let exports = try LogFormat.allCases.map { try log.export(format: $0) }
        for (format, text) in zip(LogFormat.allCases, exports) {
            let copy = try SessionLog()
            do {
                try copy.importLog(text, format: format)
            } catch {
                Issue.record("the \(format) export does not import: \(error)\n\(text)", sourceLocation: sourceLocation)
                continue
            }
            let restored = try LogTables.rows(of: copy)
            for table in LogTables.exported.keys.sorted() {
                #expect(
                    restored[table] == rows[table], "the \(format) backup restores \(table) differently",
                    sourceLocation: sourceLocation)
            }
            for (other, expected) in zip(LogFormat.allCases, exports) {
                #expect(
                    try copy.export(format: other) == expected, "the \(format) backup exports differently as \(other)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
