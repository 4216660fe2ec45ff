import Foundation
import PropertyBased
import Testing

@testable import LimberCore

/// Whatever the log accepts, a backup restores: every value a write takes exports and imports
/// back unchanged, in both formats; whatever cannot be restored is refused and writes nothing.
@Suite("log round trip (property)")
struct LogRoundTripPropertyTests {
    static let latest = Double(CheckedNumber.latestStamp)

    /// Any one of `values`.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, some SendableSequenceType> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    /// Times at and just past both ends of the range, and anywhere between.
    static let times: Generator<Double, some SendableSequenceType> = Gen.frequency(
        (
            3,
            pick([
                0, 0.5, 1, 1_715_182_200.25, latest - 86_400, latest - 50_400, latest - 1, latest, latest + 0.999,
                // Outside: refused.
                -1, -0.001, latest + 1, 1e300, -1e300, .infinity, -.infinity, .nan, 4.611686018427388e18,
                -9.223372036854775808e18,
            ]).eraseToAny()
        ),
        (1, Gen.double(in: 0...latest).eraseToAny()))

    /// Amounts at the edges (zero, the largest, the smallest double, fractions) and beyond them.
    static let amounts: Generator<Double, some SendableSequenceType> = Gen.frequency(
        (
            3,
            pick([
                0, -0.0, 1, 0.1, 1.0 / 3, Double.leastNonzeroMagnitude, 999_999_999.999_999_9, 1e9, 1e9 - 0.5, 123_456.789,
                // Outside: refused.
                -1, 1e9 + 1, 1e15, 1e300, .infinity, .nan, -.infinity,
            ]).eraseToAny()
        ),
        (1, Gen.double(in: 0...1e9).eraseToAny()))

    /// Text that CSV and JSON must quote or escape, and text the log cannot keep.
    static let text: Generator<String, some SendableSequenceType> = pick(
        [
            "a", "Z", " ", ",", "\"", "'", "\n", "\r", "\r\n", "\t", "\\", "{", "}", "[", "=", "é", "日", "🏃", "\u{2028}",
            "\u{2029}", "\u{1B}", "\u{7F}", "\u{FEFF}", "\u{0}", "\u{1}",
        ] as [Character]
    ).string(of: 0...10)

    static let sides: Generator<LoggedSet.Side?, some SendableSequenceType> = pick([nil, .left, .right])
    static let discomforts: Generator<Int?, some SendableSequenceType> = pick([nil, 0, 5, 10, -1, 11, Int.max, Int.min])

    static let set: Generator<NewSet, some SendableSequenceType> = zip(
        text, sides, Gen<Dose.Unit>.case, amounts.optional(), amounts.optional(), discomforts, times, Gen.bool
    ).map {
        (
            exercise: String, side: LoggedSet.Side?, unit: Dose.Unit, planned: Double?, actual: Double?, discomfort: Int?,
            at: Double, completed: Bool
        ) -> NewSet in
        NewSet(
            exercise: "x" + exercise, side: side, unit: unit, planned: planned, actual: actual, completed: completed,
            discomfort: discomfort, at: Date(timeIntervalSince1970: at))
    }.eraseToAny()

    static let sets: Generator<[NewSet], some SendableSequenceType> = set.array(of: 0...3)

    static let session: Generator<NewSession, some SendableSequenceType> = zip(
        Gen<LoggedSession.Activity>.case, text, Gen<LoggedSession.Source>.case, times, times.optional(valueRate: 0.5),
        Gen.bool, text.optional(), sets
    ).map {
        (
            activity: LoggedSession.Activity, routine: String, source: LoggedSession.Source, start: Double, end: Double?,
            completed: Bool, notes: String?, sets: [NewSet]
        ) -> NewSession in
        NewSession(
            activity: activity, routine: "r" + routine, source: source, startedAt: Date(timeIntervalSince1970: start),
            endedAt: end.map { Date(timeIntervalSince1970: $0) }, completed: completed, notes: notes, sets: sets)
    }.eraseToAny()

    static let zones: Generator<TimeZone, some SendableSequenceType> = pick(
        [
            "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Asia/Kathmandu",
        ].compactMap { TimeZone(identifier: $0) })

    @Test func everyAcceptedSessionExportsAndImportsBack() async throws {
        await propertyCheck(count: 300, input: Self.session, Self.zones) { session, zone in
            let log = try SessionLog()
            do {
                try log.log(session, timeZone: zone)
            } catch let error as LogError {
                guard case .invalid = error else {
                    Issue.record("refused with \(error), not as an invalid value")
                    return
                }
                #expect(try log.sessions().isEmpty, "a refused session wrote nothing")
                #expect(!Self.fits(session, zone: zone), "refused a session the log can hold: \(error)")
                return
            }
            #expect(Self.fits(session, zone: zone), "accepted a session with a value outside the log's range")
            try Self.expectRoundTrip(log)
        }
    }

    @Test func everyAcceptedSetOfARunningSessionExportsAndImportsBack() async throws {
        await propertyCheck(count: 200, input: Self.times, Self.sets, Self.times) { start, sets, end in
            let log = try SessionLog()
            let utc = TimeZone(identifier: "UTC") ?? .current
            guard
                let session = try? log.startSession(
                    routine: "hips", source: .guided, at: Date(timeIntervalSince1970: start), timeZone: utc)
            else {
                #expect(!(0..<(Self.latest + 1)).contains(start), "refused a start the log can hold: \(start)")
                #expect(try log.sessions().isEmpty)
                return
            }
            for set in sets {
                let before = try log.export(format: .csv)
                do {
                    try log.recordSet(set, session: session.id)
                    #expect(Self.fits(set), "accepted a set with a value outside the log's range")
                } catch {
                    #expect(try log.export(format: .csv) == before, "a refused set changed the log")
                }
            }
            _ = try? log.finishSession(session.id, at: Date(timeIntervalSince1970: end), completed: true)
            try Self.expectRoundTrip(log)
        }
    }

    /// Whether every value of `session` lies inside what the log keeps.
    static func fits(_ session: NewSession, zone: TimeZone) -> Bool {
        guard fits(time: session.startedAt), !session.routine.isBlank, fits(text: session.routine), fits(text: session.notes),
            session.sets.allSatisfy(fits)
        else { return false }
        if LocalDay(session.startedAt, in: zone) > LogLimits.latestDay { return false }
        if let end = session.endedAt {
            return fits(time: end)
                && end.timeIntervalSince1970.rounded(.down) >= session.startedAt.timeIntervalSince1970.rounded(.down)
        }
        let timed = session.sets.filter { $0.unit == .seconds }.reduce(0.0) { $0 + ($1.actual ?? $1.planned ?? 0) }
        return fits(time: Date(timeIntervalSince1970: session.startedAt.timeIntervalSince1970.rounded(.down) + timed.rounded()))
    }

    static func fits(_ set: NewSet) -> Bool {
        let amounts = [set.planned, set.actual].compactMap { $0 }
        return !set.exercise.isBlank && fits(text: set.exercise) && fits(time: set.at)
            && amounts.allSatisfy { $0.isFinite && LogLimits.amount.contains($0) }
            && set.discomfort.map(LogLimits.discomfort.contains) ?? true
    }

    /// SQLite gives text back only up to a NUL.
    static func fits(text: String?) -> Bool {
        !(text?.contains("\u{0}") ?? false)
    }

    static func fits(time: Date) -> Bool {
        let seconds = time.timeIntervalSince1970
        return seconds.isFinite && seconds >= 0 && seconds < latest + 1
    }

    /// Both exports of `log` import into an empty log that holds the same rows, field by field,
    /// and exports the same bytes again.
    static func expectRoundTrip(_ log: SessionLog, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try LogArchivePropertyTests.expectRoundTrip(log, sourceLocation: sourceLocation)
    }
}
