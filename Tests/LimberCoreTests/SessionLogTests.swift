import Foundation
import GRDB
import LimberTestSupport
import Testing

@testable import LimberCore

struct SessionLogTests {
    private let utc = LogFixtures.utc

    @Test func migratesAnEmptyFileIntoAWALLog() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        let log = try SessionLog(url: file)
        let (tables, mode, owner, migrations) = try log.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(tables == ["day_mark", "grdb_migrations", "rest_weekday", "run_detail", "run_file", "session", "session_set"])
        #expect(mode == "wal")
        #expect(owner == SessionLog.applicationID)
        #expect(
            migrations == [
                "v1 sessions, sets, day marks, rest weekdays",
                "v2 runs: distance, sport and source file of runs; the run file scan cache",
                "v3 import source: runs imported from files say so",
            ])

        // Reopening keeps what was written and migrates nothing twice.
        try LogFixtures.practise(log, on: LogFixtures.may(1))
        let reopened = try SessionLog(url: file)
        #expect(try reopened.sessions().count == 1)
    }

    @Test func aLogLeftInRollbackJournalModeIsSwitchedBackToWALOnOpen() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try LogFixtures.practise(try SessionLog(url: file), on: LogFixtures.may(1))
        // As the sqlite3 shell or a backup tool may leave it.
        let mode = try DatabaseQueue(path: file.path).writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        #expect(mode == "delete")
        let reopened = try SessionLog(url: file)
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.sessions().count == 1)
    }

    @Test func opensUnderLimberHomeCreatingTheFolder() throws {
        let folder = try TemporaryFolder()
        let paths = LimberPaths.resolve(environment: ["LIMBER_HOME": folder.url.path])
        let log = try SessionLog(paths: paths)
        try LogFixtures.practise(log, on: LogFixtures.may(1))
        #expect(FileManager.default.fileExists(atPath: paths.database.path))
    }

    @Test func aGuidedSessionWritesEachSetAndFinishes() throws {
        let log = try SessionLog()
        let recording = try SessionRecording(log: log, routine: "cooldown", at: LogFixtures.may(1, 18), timeZone: utc)
        try recording.record(NewSet(exercise: "pigeon", side: .left, planned: 45, actual: 45, at: LogFixtures.may(1, 18, 1)))
        try recording.record(
            NewSet(exercise: "pigeon", side: .right, planned: 45, actual: 40, completed: false, at: LogFixtures.may(1, 18, 2)))
        #expect(try log.session(id: recording.id)?.outcome == .endedEarly, "unfinished reads as ended early")
        let rated = try recording.rateLastSet(discomfort: 3)
        #expect(rated?.side == .right)
        #expect(rated?.discomfort == 3)
        let finished = try recording.finish(at: LogFixtures.may(1, 18, 5), completed: true, notes: "tight right hip")
        #expect(finished.outcome == .completed)
        #expect(finished.notes == "tight right hip")

        let sets = try log.sets(session: recording.id)
        #expect(sets.map(\.side) == [.left, .right])
        #expect(sets.map(\.discomfort) == [nil, 3])
        #expect(sets.map(\.completed) == [true, false])
        #expect(throws: LogError.sessionFinished(recording.id)) {
            try recording.record(NewSet(exercise: "pigeon", at: LogFixtures.may(1, 19)))
        }
        #expect(throws: LogError.sessionFinished(recording.id)) {
            try recording.finish(at: LogFixtures.may(1, 19), completed: true)
        }
        let summary = try #require(try log.summaries().first)
        #expect(summary.sets == 2)
        #expect(summary.completedSets == 1)
        #expect(summary.seconds == 300)
        #expect(summary.maxDiscomfort == 3)
    }

    @Test func badValuesAreRefusedWithTheirField() throws {
        let log = try SessionLog()
        let session = try log.startSession(routine: "hips", source: .script, at: LogFixtures.may(1), timeZone: utc)
        #expect(throws: LogError.invalid(field: "discomfort", reason: "must be between 0 and 10")) {
            try log.recordSet(NewSet(exercise: "pigeon", discomfort: 11, at: LogFixtures.may(1)), session: session.id)
        }
        #expect(throws: LogError.invalid(field: "actual", reason: "expected a number from 0 to 1000000000, got -1")) {
            try log.recordSet(NewSet(exercise: "pigeon", actual: -1, at: LogFixtures.may(1)), session: session.id)
        }
        #expect(throws: LogError.invalid(field: "routine", reason: "must not be empty")) {
            try log.startSession(routine: " ", source: .script, at: LogFixtures.may(1), timeZone: utc)
        }
        #expect(throws: LogError.unknownSession(999)) {
            try log.recordSet(NewSet(exercise: "pigeon", at: LogFixtures.may(1)), session: 999)
        }
        #expect(try log.sets(session: session.id).isEmpty)
    }

    @Test func setsWrittenBeforeTheProcessDiesAreKept() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        var sessionID: Int64 = 0
        do {
            let log = try SessionLog(url: file)
            let recording = try SessionRecording(log: log, routine: "cooldown", at: LogFixtures.may(1), timeZone: utc)
            sessionID = recording.id
            for minute in 1...3 {
                try recording.record(
                    NewSet(exercise: "cat-cow", unit: .reps, planned: 10, actual: 10, at: LogFixtures.may(1, 7, minute)))
            }
            // No finish: the connection goes away as if the process stopped here.
        }
        let reopened = try SessionLog(url: file)
        #expect(try reopened.sets(session: sessionID).count == 3)
        let session = try #require(try reopened.session(id: sessionID))
        #expect(session.outcome == .endedEarly)
        #expect(session.endedAt == nil)
    }

    @Test func loggingAWholeSessionEstimatesItsEnd() throws {
        let log = try SessionLog()
        let start = LogFixtures.may(2, 12)
        let session = try log.log(
            NewSession(
                routine: "couch-stretch", source: .manual, startedAt: start,
                sets: [
                    NewSet(exercise: "couch-stretch", side: .left, planned: 60, actual: 60, at: start),
                    NewSet(exercise: "couch-stretch", side: .right, planned: 60, actual: 60, at: start),
                    NewSet(exercise: "cat-cow", unit: .reps, planned: 10, actual: 10, at: start),
                ]), timeZone: utc)
        #expect(session.endedAt == start.addingTimeInterval(120))
        #expect(session.outcome == .completed)
        #expect(try log.sets(session: session.id).count == 3)
        let run = try log.log(
            NewSession(
                activity: .run, routine: "run", source: .manual, startedAt: start,
                endedAt: start.addingTimeInterval(2400), notes: "easy 8k"), timeZone: utc)
        #expect(try log.lastSession(activity: .run) == run)
        #expect(throws: LogError.self) {
            try log.log(
                NewSession(routine: "x", source: .manual, startedAt: start, endedAt: start.addingTimeInterval(-1)), timeZone: utc)
        }
    }

    @Test func queriesFilterBySinceRoutineAndExercise() throws {
        let log = try SessionLog()
        for day in 1...5 {
            try LogFixtures.practise(
                log, on: LogFixtures.may(day), routine: day.isMultiple(of: 2) ? "hips" : "back",
                exercise: day.isMultiple(of: 2) ? "pigeon" : "cat-cow")
        }
        #expect(try log.sessions().count == 5)
        #expect(try log.sessions(SessionQuery(since: LogFixtures.may(4))).map(\.day.iso) == ["2024-05-04", "2024-05-05"])
        #expect(try log.sessions(SessionQuery(sinceDay: LogFixtures.day("2024-05-03"), routine: "hips")).count == 1)
        #expect(
            try log.sessions(SessionQuery(limit: 2)).map(\.day.iso) == ["2024-05-04", "2024-05-05"], "newest two, oldest first")
        #expect(try log.lastSession(routine: "hips")?.day.iso == "2024-05-04")
        #expect(try log.lastSession(routine: "nothing") == nil)
        #expect(try log.sets(SetQuery(exercise: "pigeon")).count == 2)
        #expect(try log.sets(SetQuery(routine: "back")).map(\.exercise) == ["cat-cow", "cat-cow", "cat-cow"])
        #expect(try log.sets(SetQuery(since: LogFixtures.may(5))).count == 1)
    }

    @Test func statsCountWeeksExercisesAndDiscomfort() throws {
        let log = try SessionLog()
        // Weeks start on Monday: 2024-04-22, 04-29, 05-06. Today is Wednesday 2024-05-08.
        try LogFixtures.practise(log, on: LogFixtures.may(-7), exercise: "pigeon", discomfort: 2) // Tue 04-23
        try LogFixtures.practise(log, on: LogFixtures.may(1), exercise: "pigeon", discomfort: 4) // Wed 05-01
        try LogFixtures.practise(log, on: LogFixtures.may(2), exercise: "cat-cow", discomfort: 4) // Thu 05-02
        try LogFixtures.practise(log, on: LogFixtures.may(7), exercise: "pigeon", discomfort: 6) // Tue 05-07
        try LogFixtures.practise(log, on: LogFixtures.may(-29), exercise: "old") // outside the window
        let stats = try log.stats(
            today: LogFixtures.day("2024-05-08"), weeks: 3, firstWeekday: 2, known: ["pigeon", "cat-cow", "bridge"])
        #expect(stats.weeks.map(\.start.iso) == ["2024-04-22", "2024-04-29", "2024-05-06"])
        #expect(stats.weeks.map(\.sessions) == [1, 2, 1])
        #expect(stats.weeks.map(\.minutes) == [0.5, 1, 0.5])
        #expect(stats.weeks.map(\.discomfort) == [2, 4, 6])
        #expect(stats.discomfortTrend == .rising)
        #expect(stats.totalSessions == 5)
        #expect(stats.firstDay?.iso == "2024-04-01")
        #expect(stats.mostPractised(1) == [ExerciseCount(exercise: "pigeon", sets: 3, seconds: 90)])
        #expect(stats.leastPractised(2).map(\.exercise) == ["bridge", "cat-cow"])
        #expect(!stats.exercises.contains { $0.exercise == "old" })
        #expect(stats.streaks.current?.days == 1)
    }

    @Test func twoWritersOnOneFileLoseNothing() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        let first = try SessionLog(url: file)
        let second = try SessionLog(url: file)
        let writers = [first, second]
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let log = writers[index]
                let session = try log.startSession(
                    routine: "writer-\(index)", source: .script, at: LogFixtures.may(1), timeZone: utc)
                for count in 0..<200 {
                    try log.recordSet(
                        NewSet(exercise: "pigeon", actual: Double(count), at: LogFixtures.may(1)), session: session.id)
                }
                try log.finishSession(session.id, at: LogFixtures.may(1, 8), completed: true)
            } catch {
                failures.append(error)
            }
        }
        #expect(failures.isEmpty)
        let check = try SessionLog(url: file)
        #expect(try check.sessions().map(\.outcome) == [.completed, .completed])
        #expect(try check.sets(SetQuery()).count == 400)
    }
}

extension SessionLogTests {
    @Test func manyOpenersOfANewFileAllSucceed() throws {
        for _ in 0..<5 {
            let folder = try TemporaryFolder()
            let file = folder.file("limber.sqlite")
            let failures = FailureList()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try SessionLog(url: file)
                } catch {
                    failures.append(error)
                }
            }
            #expect(failures.isEmpty)
        }
    }
}

/// Collects errors from concurrent work.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func append(_ error: any Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return errors.isEmpty
    }
}
