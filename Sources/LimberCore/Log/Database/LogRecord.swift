/// One line of an export file: a session, a set, a skip or rest day, or a weekly rest day.
///
/// Both formats hold the same flat records, one per line, sets after their session. A session
/// is named by its uuid; a set names its session's uuid. A run's session carries its sport,
/// distance and file (export version 2; version 1 had no such columns and reads as runs without).
enum LogRecord: Equatable {
    struct Session: Equatable {
        var uuid: String
        var activity: LoggedSession.Activity
        var routine: String
        var source: LoggedSession.Source
        var startedAt: Int64
        var endedAt: Int64?
        var completed: Bool
        var day: LocalDay
        var notes: String?
        /// A run's sport, distance and file; nil for any other session and for a run typed in.
        var run: RunDetail?
    }

    struct Set: Equatable {
        var session: String
        var exercise: String
        var side: LoggedSet.Side?
        var unit: Dose.Unit
        var planned: Double?
        var actual: Double?
        var completed: Bool
        var discomfort: Int?
        var at: Int64
    }

    case session(Session)
    case set(Set)
    case mark(DayMark)
    case restWeekday(Int)

    /// Every column of the CSV format, in order; the JSON keys are the same except that a
    /// session's own uuid is `uuid` (the CSV `session` column).
    static let columns = [
        "type", "session", "activity", "routine", "source", "started_at", "ended_at", "completed", "day", "notes",
        "exercise", "side", "unit", "planned", "actual", "discomfort", "at", "reason", "weekday", "sport", "distance_m", "file",
    ]
    /// The same, to look a name up in (an import asks once for every field of every record).
    static let columnSet = Swift.Set(columns)

    /// The fields each type of record may have, besides `type`.
    static let fieldsByType: [String: [String]] = [
        "session": [
            "session", "activity", "routine", "source", "started_at", "ended_at", "completed", "day", "notes", "sport",
            "distance_m", "file",
        ],
        "set": ["session", "exercise", "side", "unit", "planned", "actual", "completed", "discomfort", "at"],
        "skip": ["day", "reason"],
        "rest": ["day", "reason"],
        "rest_weekday": ["weekday"],
    ]

    /// The record's fields as text, one per entry of `columns`; nil where the record has none.
    var values: [String?] {
        // Positions in `columns`.
        var values = [String?](repeating: nil, count: 22)
        switch self {
        case .session(let session):
            values[0] = "session"
            values[1] = session.uuid
            values[2] = session.activity.rawValue
            values[3] = session.routine
            values[4] = session.source.rawValue
            values[5] = LogTime.format(session.startedAt)
            values[6] = session.endedAt.map(LogTime.format)
            values[7] = session.completed ? "true" : "false"
            values[8] = session.day.iso
            values[9] = session.notes
            values[19] = session.run?.sport
            values[20] = session.run?.distance.map(Self.number)
            values[21] = session.run?.sourceFile
        case .set(let set):
            values[0] = "set"
            values[1] = set.session
            values[7] = set.completed ? "true" : "false"
            values[10] = set.exercise
            values[11] = set.side?.rawValue
            values[12] = set.unit.rawValue
            values[13] = set.planned.map(Self.number)
            values[14] = set.actual.map(Self.number)
            values[15] = set.discomfort.map(String.init)
            values[16] = LogTime.format(set.at)
        case .mark(let mark):
            values[0] = mark.kind.rawValue
            values[8] = mark.day.iso
            values[17] = mark.reason
        case .restWeekday(let weekday):
            values[0] = "rest_weekday"
            values[18] = String(weekday)
        }
        return values
    }

    /// A CSV line with every column.
    var csvLine: String {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line += "," }
            if let value { line += CSV.field(value) }
        }
        return line + "\n"
    }

    /// Columns written bare in JSON (numbers and booleans).
    private static let bareColumns: Swift.Set<Int> = [7, 13, 14, 15, 18, 20]

    /// A one-line JSON object; numbers and booleans are written bare.
    var jsonObject: String {
        var isSession = false
        if case .session = self { isSession = true }
        var object = "{"
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            if object.utf8.count > 1 { object += "," }
            let key = isSession && index == 1 ? "uuid" : Self.columns[index]
            object += "\"" + key + "\":" + (Self.bareColumns.contains(index) ? value : LineJSON.quote(value))
        }
        return object + "}"
    }

    /// Shortest text that reads back as the same number: `30`, `29.6`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Reads a record from its fields (text keyed by column; absent fields are left out); throws
    /// `LogError.malformedFile` naming `line`.
    init(fields: [String: String], line: Int) throws {
        func fail(_ reason: String) -> LogError { .malformedFile(line: line, reason: reason) }
        guard let type = fields["type"] else { throw fail("missing field 'type'") }
        guard let allowed = Self.fieldsByType[type] else {
            throw fail("unknown record type '\(type)' (expected session, set, skip, rest or rest_weekday)")
        }
        if let extra = fields.keys.filter({ $0 != "type" && !allowed.contains($0) }).sorted().first {
            throw fail("field '\(extra)' does not belong in a \(type) record")
        }
        // The log keeps text only up to a NUL (see LogLimits): such a file cannot be imported whole.
        if fields.values.contains(where: { $0.utf8.contains(0) }),
            let name = fields.keys.sorted().first(where: { fields[$0]?.utf8.contains(0) == true })
        {
            throw fail("field '\(name)' contains a NUL character")
        }
        func required(_ name: String) throws -> String {
            guard let value = fields[name] else { throw fail("missing field '\(name)'") }
            return value
        }
        func text(_ name: String) throws -> String {
            let value = try required(name)
            if value.isBlank { throw fail("field '\(name)' must not be blank") }
            return value
        }
        func choice<T: RawRepresentable>(_ name: String, _: T.Type) throws -> T where T.RawValue == String {
            let value = try required(name)
            guard let choice = T(rawValue: value) else { throw fail("invalid \(name) '\(value)'") }
            return choice
        }
        func time(_ value: String, _ name: String) throws -> Int64 {
            guard let stamp = LogTime.parse(value) else {
                throw fail("invalid \(name) '\(value)' (expected 2024-05-01T07:30:00Z)")
            }
            do {
                try LogLimits.checkStamp(stamp, field: name)
            } catch {
                throw fail("invalid \(name) '\(value)' (expected \(CheckedNumber.timeRange))")
            }
            return stamp
        }
        func flag(_ name: String) throws -> Bool {
            switch try required(name) {
            case "true", "1": return true
            case "false", "0": return false
            case let value: throw fail("invalid \(name) '\(value)' (expected true or false)")
            }
        }
        func runDetail(activity: LoggedSession.Activity) throws -> RunDetail? {
            guard let sport = fields["sport"] else {
                for name in ["distance_m", "file"] where fields[name] != nil {
                    throw fail("field '\(name)' needs the run's sport")
                }
                return nil
            }
            guard activity == .run else { throw fail("only a run has a sport, distance or file") }
            var distance: Double?
            if let value = fields["distance_m"] {
                guard let metres = Double(value), metres.isFinite, LogLimits.distance.contains(metres) else {
                    throw fail(
                        "invalid distance_m '\(value)' (expected metres from 0 to \(CheckedNumber.describe(LogLimits.distance.upperBound)))"
                    )
                }
                distance = metres
            }
            let detail = RunDetail(sport: sport, distance: distance, sourceFile: fields["file"])
            do {
                try detail.validate()
            } catch {
                throw fail(error.description)
            }
            return detail
        }
        func amount(_ name: String) throws -> Double? {
            guard let value = fields[name] else { return nil }
            guard let number = Double(value), number.isFinite, LogLimits.amount.contains(number) else {
                throw fail(
                    "invalid \(name) '\(value)' (expected a number from 0 to \(CheckedNumber.describe(LogLimits.amount.upperBound)))"
                )
            }
            return number
        }
        func day() throws -> LocalDay {
            let value = try required("day")
            guard let day = LocalDay(iso: value) else { throw fail("invalid day '\(value)' (expected YYYY-MM-DD)") }
            return day
        }

        switch type {
        case "session":
            let start = try time(try required("started_at"), "started_at")
            let end = try fields["ended_at"].map { try time($0, "ended_at") }
            let completed = try flag("completed")
            if let end, end < start { throw fail("ended_at is before started_at") }
            if completed && end == nil { throw fail("a completed session needs ended_at") }
            let activity = try choice("activity", LoggedSession.Activity.self)
            self = .session(
                Session(
                    uuid: try text("session"), activity: activity,
                    routine: try text("routine"), source: try choice("source", LoggedSession.Source.self),
                    startedAt: start, endedAt: end, completed: completed, day: try day(), notes: fields["notes"],
                    run: try runDetail(activity: activity)))
        case "set":
            var discomfort: Int?
            if let value = fields["discomfort"] {
                guard let rating = Int(value), (0...10).contains(rating) else {
                    throw fail("invalid discomfort '\(value)' (expected a whole number from 0 to 10)")
                }
                discomfort = rating
            }
            var side: LoggedSet.Side?
            if fields["side"] != nil { side = try choice("side", LoggedSet.Side.self) }
            self = .set(
                Set(
                    session: try text("session"), exercise: try text("exercise"), side: side,
                    unit: try choice("unit", Dose.Unit.self), planned: try amount("planned"), actual: try amount("actual"),
                    completed: try flag("completed"), discomfort: discomfort, at: try time(try required("at"), "at")))
        case "skip", "rest":
            self = .mark(DayMark(day: try day(), kind: type == "skip" ? .skip : .rest, reason: fields["reason"]))
        default:
            let value = try required("weekday")
            guard let weekday = Int(value), (1...7).contains(weekday) else {
                throw fail("invalid weekday '\(value)' (expected 1 for Sunday to 7 for Saturday)")
            }
            self = .restWeekday(weekday)
        }
    }
}
