import Foundation
import GRDB

/// What an import wrote.
package struct ImportSummary: Sendable, Equatable, Codable {
    package var sessions = 0
    package var sets = 0
    package var marks = 0
    package var restWeekdays = 0
    /// Sessions (with their sets) already in the log, by uuid, and left as they were.
    package var alreadyPresent = 0

    package init() {}
}

/// Export and import: an export imports back to the same records; an import is one transaction,
/// so a refused file writes nothing.
extension SessionLog {
    /// Writes the whole log in `format`, handing the text to `write` in chunks: weekly rest days,
    /// then skip and rest days, then each session followed by its sets, oldest session first.
    package func export(format: LogFormat, to write: (String) throws -> Void) throws {
        try read { db in
            var buffer = ""
            buffer.reserveCapacity(1 << 16)
            func emit(_ record: LogRecord, first: inout Bool) throws {
                switch format {
                case .csv:
                    buffer += record.csvLine
                case .json:
                    buffer += (first ? "" : ",\n") + record.jsonObject
                    first = false
                }
                if buffer.utf8.count >= 1 << 16 {
                    try write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            switch format {
            case .csv: buffer += CSV.line(LogRecord.columns)
            case .json: buffer += "{\"format\":\"limber-log\",\"version\":\(LogFormat.version),\"records\":[\n"
            }
            var first = true
            for weekday in try Int.fetchAll(db, sql: "SELECT weekday FROM rest_weekday ORDER BY weekday") {
                try emit(.restWeekday(weekday), first: &first)
            }
            for mark in try Self.fetchMarks(db, from: nil, through: nil) {
                try emit(.mark(mark), first: &first)
            }
            // Each session with its run's detail, when it has one.
            let sessions = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.id, s.uuid, s.activity, s.routine, s.source, s.started_at, s.ended_at, s.completed, s.local_day,
                           s.notes, d.sport, d.distance_m, d.source_file
                    FROM session AS s LEFT JOIN run_detail AS d ON d.session_id = s.id ORDER BY s.id
                    """)
            let sets = try Row.fetchCursor(
                db,
                sql:
                    "SELECT id, session_id, exercise, side, unit, planned, actual, completed, discomfort, at FROM session_set ORDER BY session_id, id"
            )
            var nextSet = try sets.next().map(Self.set(from:))
            while let row = try sessions.next() {
                let session = try Self.session(from: row)
                try emit(
                    .session(
                        LogRecord.Session(
                            uuid: session.uuid, activity: session.activity, routine: session.routine, source: session.source,
                            startedAt: Self.stamp(session.startedAt), endedAt: session.endedAt.map(Self.stamp),
                            completed: session.completed, day: session.day, notes: session.notes,
                            run: Self.runDetail(from: row))), first: &first)
                while let set = nextSet, set.sessionID == session.id {
                    try emit(
                        .set(
                            LogRecord.Set(
                                session: session.uuid, exercise: set.exercise, side: set.side, unit: set.unit,
                                planned: set.planned,
                                actual: set.actual, completed: set.completed, discomfort: set.discomfort, at: Self.stamp(set.at))),
                        first: &first)
                    nextSet = try sets.next().map(Self.set(from:))
                }
            }
            if format == .json { buffer += (first ? "" : "\n") + "]}\n" }
            if !buffer.isEmpty { try write(buffer) }
        }
    }

    /// The whole log as one string in `format`.
    package func export(format: LogFormat) throws -> String {
        var text = ""
        try export(format: format) { text += $0 }
        return text
    }

    /// Imports an export file's text in one transaction. A malformed file is refused with the line
    /// of the first problem (`LogError.malformedFile`) and nothing is written. Sessions already in
    /// the log (same uuid) are left as they are, so importing a file twice adds nothing. A set
    /// comes after its session in the file, as exports write them.
    @discardableResult
    package func importLog(_ text: String, format: LogFormat? = nil) throws -> ImportSummary {
        let format = format ?? LogFormat.detect(text)
        return try write { db in
            var summary = ImportSummary()
            /// Each session of the file by uuid: its line, and its row id unless it was already in the log.
            var sessions: [String: (line: Int, id: Int64?)] = [:]
            var weekdays = Set(try Int.fetchAll(db, sql: "SELECT weekday FROM rest_weekday"))
            let exists = try db.cachedStatement(sql: "SELECT 1 FROM session WHERE uuid = ?")
            let insertSession = try db.cachedStatement(
                sql: """
                    INSERT INTO session (uuid, activity, routine, source, started_at, ended_at, completed, local_day, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertSet = try db.cachedStatement(
                sql: """
                    INSERT INTO session_set (session_id, exercise, side, unit, planned, actual, completed, discomfort, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertMark = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO day_mark (local_day, kind, reason) VALUES (?, ?, ?)")
            try LogFormat.forEachRecord(in: text, format: format) { line, record in
                switch record {
                case .session(let session):
                    if let first = sessions[session.uuid] {
                        throw LogError.malformedFile(
                            line: line, reason: "session \(session.uuid) already appears on line \(first.line)")
                    }
                    if try Bool.fetchOne(exists, arguments: [session.uuid]) == true {
                        sessions[session.uuid] = (line, nil)
                        summary.alreadyPresent += 1
                        return
                    }
                    try insertSession.execute(arguments: [
                        session.uuid, session.activity.rawValue, session.routine, session.source.rawValue, session.startedAt,
                        session.endedAt, session.completed, session.day.number, session.notes,
                    ])
                    let sessionID = db.lastInsertedRowID
                    if let run = session.run { try Self.insertRunDetail(db, run, session: sessionID) }
                    sessions[session.uuid] = (line, sessionID)
                    summary.sessions += 1
                case .set(let set):
                    guard let session = sessions[set.session] else {
                        throw LogError.malformedFile(
                            line: line, reason: "set of session \(set.session), which is not in the file before it")
                    }
                    guard let sessionID = session.id else { return }
                    try insertSet.execute(arguments: [
                        sessionID, set.exercise, set.side?.rawValue, set.unit.rawValue, set.planned, set.actual,
                        set.completed, set.discomfort, set.at,
                    ])
                    summary.sets += 1
                case .mark(let mark):
                    try insertMark.execute(arguments: [mark.day.number, mark.kind.rawValue, mark.reason])
                    summary.marks += 1
                case .restWeekday(let weekday):
                    if weekdays.insert(weekday).inserted {
                        if weekdays.count == 7 {
                            throw LogError.malformedFile(line: line, reason: "every weekday would be a rest day")
                        }
                        try db.execute(sql: "INSERT INTO rest_weekday (weekday) VALUES (?)", arguments: [weekday])
                        summary.restWeekdays += 1
                    }
                }
            }
            return summary
        }
    }
}
