import Foundation
import Testing

@testable import LimberCore

struct LogArchiveTests {
    private let utc = LogFixtures.utc

    /// A log with every kind of record and awkward text.
    private func sampleLog() throws -> SessionLog {
        let log = try SessionLog()
        let guided = try SessionRecording(
            log: log, routine: "cooldown", at: LogFixtures.may(1, 18), timeZone: utc,
            notes: "after \"tempo\", legs heavy\nsecond line")
        try guided.record(
            NewSet(exercise: "pigeon", side: .left, unit: .seconds, planned: 45, actual: 44.5, at: LogFixtures.may(1, 18, 1)))
        try guided.record(
            NewSet(
                exercise: "pigeon", side: .right, unit: .seconds, planned: 45, actual: 12, completed: false,
                discomfort: 6, at: LogFixtures.may(1, 18, 2)))
        try guided.finish(at: LogFixtures.may(1, 18, 3), completed: false)
        let unfinished = try SessionRecording(log: log, routine: "hips", source: .script, at: LogFixtures.may(2), timeZone: utc)
        try unfinished.record(
            NewSet(exercise: "cat-cow", unit: .reps, planned: 10, actual: 10, discomfort: 0, at: LogFixtures.may(2, 7, 1)))
        try log.log(
            NewSession(
                routine: "couch-stretch", source: .manual, startedAt: LogFixtures.may(3), notes: "Ünïcødé ✓, 日本",
                sets: [NewSet(exercise: "couch-stretch", unit: .breaths, planned: 8, at: LogFixtures.may(3))]), timeZone: utc)
        try log.log(
            NewSession(
                activity: .run, routine: "run", source: .manual, startedAt: LogFixtures.may(4, 6),
                endedAt: LogFixtures.may(4, 6, 45)), timeZone: utc)
        try log.mark(DayMark(day: LogFixtures.day("2024-05-05"), kind: .skip, reason: "sick, stayed in"))
        try log.mark(DayMark(day: LogFixtures.day("2024-05-12"), kind: .rest))
        try log.setRestWeekdays([1, 7])
        return log
    }

    private func records(_ log: SessionLog) throws -> ([LoggedSession], [LoggedSet], [DayMark], Set<Int>) {
        (try log.sessions(), try log.sets(SetQuery()), try log.marks(), try log.restWeekdays())
    }

    @Test(arguments: LogFormat.allCases)
    func anExportImportsBackToTheSameRecords(format: LogFormat) throws {
        let original = try sampleLog()
        let text = try original.export(format: format)
        let copy = try SessionLog()
        let summary = try copy.importLog(text)
        #expect(summary.sessions == 4)
        #expect(summary.sets == 4)
        #expect(summary.marks == 2)
        #expect(summary.restWeekdays == 2)
        let (sessions, sets, marks, weekdays) = try records(copy)
        let (originalSessions, originalSets, originalMarks, originalWeekdays) = try records(original)
        #expect(sessions == originalSessions)
        #expect(sets == originalSets)
        #expect(marks == originalMarks)
        #expect(weekdays == originalWeekdays)
        #expect(try copy.export(format: format) == text)
        // The other format says the same.
        let other: LogFormat = format == .csv ? .json : .csv
        #expect(try copy.export(format: other) == original.export(format: other))
    }

    @Test func importingTheSameFileTwiceAddsNothing() throws {
        let text = try sampleLog().export(format: .json)
        let log = try SessionLog()
        try log.importLog(text)
        let again = try log.importLog(text)
        #expect(again.sessions == 0)
        #expect(again.sets == 0)
        #expect(again.alreadyPresent == 4)
        #expect(try log.sessions().count == 4)
        #expect(try log.sets(SetQuery()).count == 4)
    }

    @Test func theExportFormatsLookAsDocumented() throws {
        let log = try SessionLog()
        try LogFixtures.practise(log, on: LogFixtures.may(1))
        let csv = try log.export(format: .csv).split(separator: "\n")
        #expect(
            csv[0]
                == "type,session,activity,routine,source,started_at,ended_at,completed,day,notes,exercise,side,unit,planned,actual,discomfort,at,reason,weekday,sport,distance_m,file"
        )
        #expect(csv[1].hasPrefix("session,"))
        #expect(csv[1].hasSuffix(",mobility,hips,manual,2024-05-01T07:00:00Z,2024-05-01T07:00:30Z,true,2024-05-01,,,,,,,,,,,,,"))
        #expect(csv[2].hasSuffix(",,,,,,true,,,pigeon,,seconds,30,30,,2024-05-01T07:00:30Z,,,,,"))
        let json = try log.export(format: .json).split(separator: "\n")
        #expect(json.count == 4)
        #expect(json[0] == "{\"format\":\"limber-log\",\"version\":2,\"records\":[")
        #expect(json[2].hasPrefix("{\"type\":\"set\",\"session\":"))
        #expect(json[3] == "]}")
    }

    /// Imports `text` into a log that already has one session, expecting a refusal at `line`
    /// and no change.
    private func expectRefusal(
        _ text: String, line: Int, mentioning words: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let log = try SessionLog()
        try LogFixtures.practise(log, on: LogFixtures.may(1))
        let before = try log.export(format: .json)
        do {
            try log.importLog(text)
            Issue.record("the file was accepted", sourceLocation: sourceLocation)
        } catch let LogError.malformedFile(errorLine, reason) {
            #expect(errorLine == line, "\(reason)", sourceLocation: sourceLocation)
            #expect(reason.contains(words), "\(reason)", sourceLocation: sourceLocation)
        }
        #expect(try log.export(format: .json) == before, "nothing was written", sourceLocation: sourceLocation)
    }

    private let header =
        "type,session,activity,routine,source,started_at,ended_at,completed,day,notes,exercise,side,unit,planned,actual,discomfort,at,reason,weekday"
    private let goodSession =
        "session,s1,mobility,hips,manual,2024-05-02T07:00:00Z,2024-05-02T07:10:00Z,true,2024-05-02,,,,,,,,,,"
    private let goodSet = "set,s1,,,,,,true,,,pigeon,left,seconds,30,30,2,2024-05-02T07:01:00Z,,"

    @Test func aCSVWithABadValueIsRefusedWithItsLine() throws {
        let badDiscomfort = goodSet.replacingOccurrences(of: ",30,30,2,", with: ",30,30,11,")
        try expectRefusal(
            [header, goodSession, goodSet, badDiscomfort].joined(separator: "\n"), line: 4, mentioning: "discomfort")
        let badTime = goodSet.replacingOccurrences(of: "2024-05-02T07:01:00Z", with: "yesterday")
        try expectRefusal([header, goodSession, badTime].joined(separator: "\n"), line: 3, mentioning: "invalid at")
        try expectRefusal(
            [header, goodSession, "session,s2,mobility"].joined(separator: "\n"), line: 3, mentioning: "expected 19 fields")
        try expectRefusal(
            [header, "meditation" + String(goodSession.dropFirst(7))].joined(separator: "\n"), line: 2,
            mentioning: "unknown record type")
        try expectRefusal("type,colour\nsession,red", line: 1, mentioning: "unknown column 'colour'")
    }

    @Test func aCSVCountsLinesInsideQuotedNotes() throws {
        let multiLine =
            "session,s1,mobility,hips,manual,2024-05-02T07:00:00Z,,false,2024-05-02,\"one\ntwo, \"\"three\"\"\nfour\",,,,,,,,,"
        let orphan = goodSet.replacingOccurrences(of: "set,s1,", with: "set,s9,")
        try expectRefusal([header, multiLine, goodSet, orphan].joined(separator: "\n"), line: 6, mentioning: "not in the file")
        try expectRefusal(
            [header, goodSession, "session,\"s2,mobility"].joined(separator: "\n"), line: 3, mentioning: "unterminated")
        // And a good file with such notes reads them back whole.
        let log = try SessionLog()
        try log.importLog([header, multiLine, goodSet].joined(separator: "\r\n"))
        #expect(try log.sessions().first?.notes == "one\ntwo, \"three\"\nfour")
    }

    @Test func aJSONFileIsRefusedWithTheLineOfTheProblem() throws {
        let session =
            #"{"type":"session","uuid":"s1","activity":"mobility","routine":"hips","source":"manual","started_at":"2024-05-02T07:00:00Z","completed":false,"day":"2024-05-02"}"#
        let set =
            #"{"type":"set","session":"s1","exercise":"pigeon","unit":"seconds","completed":true,"at":"2024-05-02T07:01:00Z"}"#
        func document(_ records: String...) -> String {
            "{\"format\":\"limber-log\",\"version\":1,\"records\":[\n" + records.joined(separator: ",\n") + "\n]}\n"
        }
        // Syntax: a missing comma between records on lines 3 and 4.
        try expectRefusal(
            document(session, set).replacingOccurrences(of: "},\n{\"type\":\"set\"", with: "}\n{\"type\":\"set\""), line: 3,
            mentioning: "expected ','")
        // Meaning: a completed session without an end, on line 3.
        let second = session.replacingOccurrences(of: "\"s1\"", with: "\"s2\"")
        try expectRefusal(
            document(session, second.replacingOccurrences(of: "\"completed\":false", with: "\"completed\":true")), line: 3,
            mentioning: "needs ended_at")
        try expectRefusal(document(set, session), line: 2, mentioning: "not in the file before it")
        try expectRefusal(
            document(session, set.replacingOccurrences(of: "\"unit\":\"seconds\"", with: "\"unit\":\"minutes\"")), line: 3,
            mentioning: "invalid unit")
        try expectRefusal(document(session, session), line: 3, mentioning: "already appears on line 2")
        try expectRefusal(
            document(session, set.replacingOccurrences(of: "\"exercise\"", with: "\"colour\":\"red\",\"exercise\"")), line: 3,
            mentioning: "unknown field 'colour'")
        try expectRefusal(
            document(session).replacingOccurrences(of: "\"version\":1", with: "\"version\":3"), line: 1, mentioning: "version 3")
        try expectRefusal(
            "{\"format\":\"something-else\",\"version\":1,\"records\":[]}", line: 1, mentioning: "not a limber log export")
        // The header may come after the records; a bad one still undoes them.
        try expectRefusal(
            "{\"records\":[\n" + session + "\n],\n\"format\":\"other\",\"version\":1}", line: 4,
            mentioning: "not a limber log export")
        try expectRefusal(document(session, "\"text\""), line: 3, mentioning: "must be a JSON object")
        try expectRefusal(document(session, set) + "\n\n[", line: 7, mentioning: "after the end")
        // Pretty-printed by another tool, lines still point at the record.
        let pretty =
            "{\n  \"format\": \"limber-log\",\n  \"version\": 1,\n  \"records\": [\n    {\n      \"type\": \"skip\",\n      \"day\": \"2024-02-30\"\n    }\n  ]\n}\n"
        try expectRefusal(pretty, line: 5, mentioning: "invalid day")
    }
}
