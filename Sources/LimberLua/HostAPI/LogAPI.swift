import Foundation
import LimberCore

extension HostAPI {
    static var logFunctions: [APIFunction] {
        [
            APIFunction(
                "log.sessions", summary: "Logged sessions, oldest first; every field of the filter must match.",
                parameters: [.init("filter", "limber.SessionFilter?", "since, routine, activity, limit")],
                results: [.init("limber.Session[]", "the sessions (without their sets)")],
                example:
                    "for _, s in ipairs(limber.log.sessions{ since = '7d', routine = 'cooldown' }) do print(s.day, s.outcome) end"
            ) { host, call in
                let filter = try LuaValueDecoder().decode(SessionFilter.self, from: .table(try call.optionalTable(1, "filter")))
                var query = SessionQuery(routine: filter.routine, activity: filter.activity, limit: filter.limit)
                try filter.since?.apply(to: &query, host: host.sessionLog)
                return [
                    try host.sessionLog.cachedRead(RemindLogCache.key(query)) { log in
                        .table(LuaTable(array: try sessionTables(try log.sessions(query), log: log)))
                    }
                ]
            },
            APIFunction(
                "log.sets", summary: "Logged sets, in the order they were done; every field of the filter must match.",
                parameters: [.init("filter", "limber.SetFilter?", "session, exercise, routine, since, limit")],
                results: [.init("limber.LoggedSet[]", "the sets")],
                example: "local holds = limber.log.sets{ exercise = 'figure-four-stretch', since = '4w' }"
            ) { host, call in
                let filter = try LuaValueDecoder().decode(SetFilter.self, from: .table(try call.optionalTable(1, "filter")))
                var query = SetQuery(session: filter.session, exercise: nil, routine: filter.routine, limit: filter.limit)
                if let exercise = filter.exercise { query.exercise = host.catalogue.get(exercise)?.id ?? exercise }
                if let since = filter.since {
                    var sessions = SessionQuery()
                    try since.apply(to: &sessions, host: host.sessionLog)
                    query.since =
                        sessions.since
                        ?? sessions.sinceDay.map {
                            LogDateInput.localMoment(day: $0, seconds: 0, timeZone: host.sessionLog.timeZone)
                        }
                }
                let sets = try host.sessionLog.log().sets(query)
                return [.table(LuaTable(array: sets.map { .table(setTable($0)) }))]
            },
            APIFunction(
                "log.record",
                summary:
                    "Logs one set now (into this script's session of the routine, finished when the script ends), or a whole session when given `sets` or a run.",
                parameters: [
                    .init("entry", "limber.LogEntry", "a set (exercise, hold|reps|breaths, ...) or a session (routine, sets)")
                ],
                results: [
                    .init(
                        "limber.LoggedSet|limber.Session",
                        "the set written (its `session` is the session id), or the session with its sets")
                ],
                example: """
                    limber.log.record{ routine = 'evening', exercise = 'figure-four-stretch', side = 'left', hold = 45 }
                    limber.log.record{ routine = 'cooldown', sets = { { exercise = 'cat-cow', reps = 10 } } }
                    limber.log.record{ activity = 'run', minutes = 40, notes = 'easy 8k' }
                    """
            ) { host, call in
                let entry = try LuaValueDecoder().decode(LogEntry.self, from: .table(try call.table(1, "entry")))
                return [try entry.record(host: host)]
            },
            APIFunction(
                "log.streak",
                summary: "The current and longest streaks of practice days; skips and rest days keep a streak alive.",
                results: [.init("limber.Streak", "current and longest, in days, with their first and last days")],
                example: "local s = limber.log.streak(); print(s.current .. ' days, best ' .. s.longest)"
            ) { host, _ in
                let today = LocalDay(host.sessionLog.now(), in: host.sessionLog.timeZone)
                let streaks = try host.sessionLog.log().streaks(today: today)
                var table = LuaTable()
                table["current"] = .integer(Int64(streaks.current?.days ?? 0))
                table["longest"] = .integer(Int64(streaks.longest?.days ?? 0))
                table["current_start"] = streaks.current.map { .string($0.start.iso) } ?? .nil
                table["current_end"] = streaks.current.map { .string($0.end.iso) } ?? .nil
                table["longest_start"] = streaks.longest.map { .string($0.start.iso) } ?? .nil
                table["longest_end"] = streaks.longest.map { .string($0.end.iso) } ?? .nil
                return [.table(table)]
            },
            APIFunction(
                "log.last",
                summary: "The most recent session of a routine (or exercise, or 'run'), with its sets; nil if there is none.",
                parameters: [.init("routine_id", "string", "the routine id")],
                results: [.init("limber.Session?", "the session with `sets`, or nil")],
                example: "local last = limber.log.last('cooldown'); if last then print(last.day, #last.sets) end"
            ) { host, call in
                let routine = try call.string(1, "routine_id")
                let log = try host.sessionLog.log()
                guard let session = try log.lastSession(routine: routine) else { return [.nil] }
                var table = sessionTable(session, sets: try log.sets(session: session.id))
                if let run = try log.runRecords(of: [session])[session.id] { addRunFields(&table, run) }
                return [.table(table)]
            },
        ]
    }

    static var logClasses: [APIClass] {
        [
            APIClass(
                "limber.Session", summary: "A logged session.",
                fields: [
                    .init("id", "integer", "its id in this log"),
                    .init("uuid", "string", "a stable identity across export and import"),
                    .init("routine", "string", "the routine id (an exercise id for one logged exercise, 'run' for a run)"),
                    .init("activity", "'mobility'|'run'", "what kind of session; streaks count mobility"),
                    .init("source", "'guided'|'manual'|'script'|'import'", "how it was logged ('import': from an activity file)"),
                    .init("started_at", "integer", "seconds since 1970 (UTC)"),
                    .init("ended_at", "integer?", "seconds since 1970; nil if it never finished"),
                    .init("completed", "boolean", "finished and complete"),
                    .init("outcome", "'completed'|'ended_early'", "an unfinished session reads as ended early"),
                    .init("day", "string", "the local day it counts for, YYYY-MM-DD"),
                    .init("notes", "string?", "notes"),
                    .init("sets", "limber.LoggedSet[]?", "its sets (from `last` and `record`)"),
                    .init("seconds", "integer?", "a run's elapsed time, end minus start (from `sessions` and `last`)"),
                    .init("distance_m", "number?", "a run's distance in metres, when known"),
                    .init("sport", "string?", "a run's sport: 'running', 'trail_running', 'treadmill_running', ..."),
                    .init("file", "string?", "the file a run was imported from"),
                ]),
            APIClass(
                "limber.LoggedSet", summary: "One logged set.",
                fields: [
                    .init("id", "integer", "its id in this log"),
                    .init("session", "integer", "the session's id"),
                    .init("exercise", "string", "the exercise id"),
                    .init("side", "'left'|'right'?", "the side of a per-side move"),
                    .init("unit", "'seconds'|'reps'|'breaths'", "what planned and actual count"),
                    .init("planned", "number?", "what was planned"),
                    .init("actual", "number?", "what was done"),
                    .init("completed", "boolean", "done in full"),
                    .init("discomfort", "integer?", "0 (none) to 10"),
                    .init("at", "integer", "when it ended, seconds since 1970"),
                ]),
            APIClass(
                "limber.SessionFilter", summary: "Which sessions `limber.log.sessions` returns.",
                fields: [
                    .init(
                        "since", "number|string?",
                        "seconds since 1970, a period ('7d', '2w', '1y'), 'today', or a date 'YYYY-MM-DD'"),
                    .init("routine", "string?", "only this routine"),
                    .init("activity", "'mobility'|'run'?", "only this activity"),
                    .init("limit", "integer?", "only the newest this many"),
                ]),
            APIClass(
                "limber.SetFilter", summary: "Which sets `limber.log.sets` returns.",
                fields: [
                    .init("session", "integer?", "only this session's"),
                    .init("exercise", "string?", "only this exercise"),
                    .init("routine", "string?", "only sets of this routine's sessions"),
                    .init("since", "number|string?", "as in limber.SessionFilter"),
                    .init("limit", "integer?", "only the newest this many"),
                ]),
            APIClass(
                "limber.LogEntry",
                summary:
                    "What `limber.log.record` writes: a set (exercise and one of hold, reps, breaths or actual), or a whole session (sets, or activity = 'run').",
                fields: [
                    .init("routine", "string?", "the routine; a set without one logs under its exercise"),
                    .init("exercise", "string?", "a catalogue exercise (id, alias or name)"),
                    .init("side", "'left'|'right'?", "the side of a per-side move"),
                    .init("hold", "number?", "seconds held"),
                    .init("reps", "number?", "repetitions done"),
                    .init("breaths", "number?", "breaths held for"),
                    .init("actual", "number?", "what was done, in `unit` (the exercise's unit by default)"),
                    .init("unit", "'seconds'|'reps'|'breaths'?", "the unit of planned and actual"),
                    .init("planned", "number?", "what was planned"),
                    .init("completed", "boolean?", "done in full (default true)"),
                    .init("discomfort", "integer?", "0 (none) to 10"),
                    .init("at", "number?", "when, seconds since 1970 (default now)"),
                    .init("sets", "limber.LogEntry[]?", "a whole session's sets (exercise and amount each)"),
                    .init("activity", "'mobility'|'run'?", "'run' logs a run"),
                    .init("minutes", "number?", "how long a whole session or run took"),
                    .init("ended_at", "number?", "when a whole session ended"),
                    .init("notes", "string?", "notes for a whole session"),
                ]),
            APIClass(
                "limber.Streak", summary: "Streaks of practice days.",
                fields: [
                    .init("current", "integer", "practice days in the streak still alive (0 if none)"),
                    .init("longest", "integer", "practice days in the longest streak"),
                    .init("current_start", "string?", "its first day"),
                    .init("current_end", "string?", "its last practice day"),
                    .init("longest_start", "string?", "first day of the longest"),
                    .init("longest_end", "string?", "last day of the longest"),
                ]),
        ]
    }

    static func sessionTable(_ session: LoggedSession, sets: [LoggedSet]? = nil) -> LuaTable {
        var table = LuaTable()
        table["id"] = .integer(session.id)
        table["uuid"] = .string(session.uuid)
        table["routine"] = .string(session.routine)
        table["activity"] = .string(session.activity.rawValue)
        table["source"] = .string(session.source.rawValue)
        table["started_at"] = .integer(CheckedNumber.saturatingStamp(session.startedAt))
        table["ended_at"] = session.endedAt.map { .integer(CheckedNumber.saturatingStamp($0)) } ?? .nil
        table["completed"] = .boolean(session.completed)
        table["outcome"] = .string(session.outcome.rawValue)
        table["day"] = .string(session.day.iso)
        table["notes"] = session.notes.map { .string($0) } ?? .nil
        if let sets { table["sets"] = .table(LuaTable(array: sets.map { .table(setTable($0)) })) }
        return table
    }

    static func setTable(_ set: LoggedSet) -> LuaTable {
        func number(_ value: Double?) -> LuaValue {
            guard let value else { return .nil }
            if let integer = Int64(exactly: value) { return .integer(integer) }
            return .number(value)
        }
        var table = LuaTable()
        table["id"] = .integer(set.id)
        table["session"] = .integer(set.sessionID)
        table["exercise"] = .string(set.exercise)
        table["side"] = set.side.map { .string($0.rawValue) } ?? .nil
        table["unit"] = .string(set.unit.rawValue)
        table["planned"] = number(set.planned)
        table["actual"] = number(set.actual)
        table["completed"] = .boolean(set.completed)
        table["discomfort"] = set.discomfort.map { .integer(Int64($0)) } ?? .nil
        table["at"] = .integer(CheckedNumber.saturatingStamp(set.at))
        return table
    }
}

/// `since = ...` in a filter: seconds since 1970, or a period or date as text.
private enum SinceArgument: Decodable {
    case seconds(Double)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            self = .seconds(seconds)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected seconds since 1970, a period like '7d' or a date 'YYYY-MM-DD'")
        }
    }

    func apply(to query: inout SessionQuery, host: HostLog) throws {
        switch self {
        case .seconds(let seconds):
            do {
                query.since = try CheckedNumber.date(seconds: seconds, field: "since")
            } catch {
                throw LuaError.conversion(error.description)
            }
        case .text(let text):
            let today = LocalDay(host.now(), in: host.timeZone)
            if let day = LogDateInput.firstDay(text, today: today) {
                query.sinceDay = day
            } else if let moment = LogDateInput.moment(text, now: host.now(), timeZone: host.timeZone) {
                query.since = moment
            } else {
                throw LuaError.conversion("field 'since': '\(text)' is not a period like '7d', a date 'YYYY-MM-DD' or a time")
            }
        }
    }
}

private struct SessionFilter: Decodable {
    var since: SinceArgument?
    var routine: String?
    var activity: LoggedSession.Activity?
    var limit: Int?
}

private struct SetFilter: Decodable {
    var session: Int64?
    var exercise: String?
    var routine: String?
    var since: SinceArgument?
    var limit: Int?
}

/// The table `limber.log.record` takes.
private struct LogEntry: Decodable {
    var routine: String?
    var exercise: String?
    var side: LoggedSet.Side?
    var hold: Double?
    var reps: Double?
    var breaths: Double?
    var actual: Double?
    var unit: Dose.Unit?
    var planned: Double?
    var completed: Bool?
    var discomfort: Int?
    /// Decoded as a `Date`: the decoder range-checks it (1970-01-01 to 9999-12-31).
    var at: Date?
    var sets: [LogEntry]?
    var activity: LoggedSession.Activity?
    var minutes: Double?
    var endedAt: Date?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case routine, exercise, side, hold, reps, breaths, actual, unit, planned, completed, discomfort, at, sets, activity,
            minutes, notes
        case endedAt = "ended_at"
    }

    func record(host: LimberHost) throws -> LuaValue {
        let context = host.sessionLog
        if sets != nil || activity == .run {
            return try recordSession(host: host)
        }
        guard exercise != nil else {
            throw LuaError.conversion("give an exercise (to log a set), sets (to log a session) or activity = 'run'")
        }
        for (name, value) in [("minutes", minutes != nil), ("ended_at", endedAt != nil), ("notes", notes != nil)] where value {
            throw LuaError.conversion("field '\(name)' belongs to a whole session (with sets), not to one set")
        }
        let set = try newSet(catalogue: host.catalogue, defaultAt: context.now(), path: "")
        try set.validate()
        let recording = try context.recording(routine: routine ?? set.exercise)
        return .table(HostAPI.setTable(try recording.record(set)))
    }

    private func recordSession(host: LimberHost) throws -> LuaValue {
        let context = host.sessionLog
        let start = at ?? context.now()
        for (name, value) in [
            ("exercise", exercise != nil), ("side", side != nil), ("hold", hold != nil), ("reps", reps != nil),
            ("breaths", breaths != nil), ("actual", actual != nil), ("discomfort", discomfort != nil),
        ] where value {
            throw LuaError.conversion("field '\(name)' belongs in one of `sets`, not in the session")
        }
        let activity = activity ?? .mobility
        guard let routine = routine ?? (activity == .run ? "run" : nil) else {
            throw LuaError.conversion("missing field 'routine'")
        }
        var newSets: [NewSet] = []
        var time = start
        for (index, entry) in (sets ?? []).enumerated() {
            let set = try entry.newSet(catalogue: host.catalogue, defaultAt: time, path: "sets[\(index + 1)].")
            time = set.at.addingTimeInterval(set.unit == .seconds ? set.actual ?? 0 : 0)
            newSets.append(set)
        }
        var end = endedAt
        if end == nil, let minutes {
            do {
                let checked = try CheckedNumber.number(minutes, field: "minutes", in: LogLimits.minutes)
                end = try CheckedNumber.date(seconds: start.timeIntervalSince1970 + checked * 60, field: "minutes")
            } catch {
                throw LuaError.conversion(error.description)
            }
        }
        let log = try context.log()
        let session = try log.log(
            NewSession(
                activity: activity, routine: routine, source: .script, startedAt: start, endedAt: end,
                completed: completed ?? true, notes: notes, sets: newSets),
            timeZone: context.timeZone)
        return .table(HostAPI.sessionTable(session, sets: try log.sets(session: session.id)))
    }

    /// This entry as one set; `path` prefixes field names in errors (`sets[2].`).
    private func newSet(catalogue: Catalogue, defaultAt: Date, path: String) throws -> NewSet {
        for (name, value) in [
            ("sets", sets != nil), ("routine", routine != nil && !path.isEmpty), ("activity", activity != nil && !path.isEmpty),
        ] where value {
            throw LuaError.conversion("field '\(path)\(name)' does not belong in a set")
        }
        guard let name = exercise else { throw LuaError.conversion("missing field '\(path)exercise'") }
        let found: Exercise
        do {
            found = try catalogue.require(name)
        } catch {
            throw LuaError.conversion("field '\(path)exercise': \(error.description)")
        }
        for (name, value) in [("hold", hold), ("reps", reps), ("breaths", breaths), ("actual", actual), ("planned", planned)] {
            guard let value else { continue }
            do {
                _ = try CheckedNumber.number(value, field: path + name, in: LogLimits.amount)
            } catch {
                throw LuaError.conversion(error.description)
            }
        }
        let amounts: [(Dose.Unit, Double)] = [(Dose.Unit.seconds, hold), (.reps, reps), (.breaths, breaths)].compactMap {
            unit, value in
            value.map { (unit, $0) }
        }
        if amounts.count + (actual == nil ? 0 : 1) > 1 {
            throw LuaError.conversion("give one of '\(path)hold', '\(path)reps', '\(path)breaths' or '\(path)actual'")
        }
        let chosenUnit = amounts.first?.0 ?? unit ?? found.dose.unit
        if let unit, let first = amounts.first, first.0 != unit {
            throw LuaError.conversion("field '\(path)unit' is \(unit.rawValue) but the amount is given in \(first.0.rawValue)")
        }
        if found.laterality == .perSide && side == nil {
            throw LuaError.conversion("field '\(path)side': \(found.id) is done per side; give side = 'left' or 'right'")
        }
        return NewSet(
            exercise: found.id, side: side, unit: chosenUnit, planned: planned, actual: amounts.first?.1 ?? actual,
            completed: completed ?? true, discomfort: discomfort,
            at: at ?? defaultAt)
    }
}
