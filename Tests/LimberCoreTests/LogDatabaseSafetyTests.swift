import Foundation
import GRDB
import LimberTestSupport
import Testing

@testable import LimberCore

/// A log database that cannot be used gives a clear error and is never replaced.
struct LogDatabaseSafetyTests {
    @Test func aFileOfGarbageIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try garbage.write(to: file)
        #expect(throws: LogError.corrupt(path: file.path)) { try SessionLog(url: file) }
        #expect(try Data(contentsOf: file) == garbage)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["limber.sqlite"])
        #expect(LogError.corrupt(path: file.path).description.contains("left untouched"))
    }

    @Test func aReadOnlyFileIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try LogFixtures.practise(try SessionLog(url: file), on: LogFixtures.may(1))
        let before = try Data(contentsOf: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        #expect(throws: LogError.readOnly(path: file.path)) { try SessionLog(url: file) }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func anUnreadableFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try LogFixtures.practise(try SessionLog(url: file), on: LogFixtures.may(1))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        #expect(throws: LogError.unreadable(path: file.path, reason: "permission denied")) { try SessionLog(url: file) }
    }

    @Test func aFolderWhereTheFileShouldBeIsRefused() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        #expect(throws: LogError.unreadable(path: file.path, reason: "it is a folder")) { try SessionLog(url: file) }
    }

    @Test func anotherProgramsDatabaseIsNotTouched() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        try DatabaseQueue(path: file.path).write { db in
            try db.execute(
                sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')")
        }
        let before = try Data(contentsOf: file)
        #expect(throws: LogError.notALimberLog(path: file.path)) { try SessionLog(url: file) }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aLogFromANewerLimberIsRefused() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        _ = try SessionLog(url: file)
        try DatabaseQueue(path: file.path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9 from the future')")
        }
        #expect(throws: LogError.newerVersion(path: file.path)) { try SessionLog(url: file) }
    }

    @Test func aLockedLogGivesALockedError() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("limber.sqlite")
        let holder = try SessionLog(url: file)
        let waiter = try SessionLog(url: file, busyTimeout: .zero)
        let session = try waiter.startSession(routine: "hips", source: .script, at: LogFixtures.may(1), timeZone: LogFixtures.utc)

        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Holds the write lock until told to let go.
            _ = try? holder.write { db in
                try db.execute(sql: "INSERT INTO rest_weekday (weekday) VALUES (1)")
                locked.signal()
                release.wait()
            }
            done.signal()
        }
        locked.wait()
        #expect(throws: LogError.locked(path: file.path)) {
            try waiter.recordSet(NewSet(exercise: "pigeon", at: LogFixtures.may(1)), session: session.id)
        }
        // Reading still works while another process writes (WAL).
        #expect(try waiter.sessions().count == 1)
        release.signal()
        done.wait()
        try waiter.recordSet(NewSet(exercise: "pigeon", at: LogFixtures.may(1)), session: session.id)
        #expect(try waiter.sets(session: session.id).count == 1)
        #expect(try waiter.restWeekdays() == [1])
    }
}
