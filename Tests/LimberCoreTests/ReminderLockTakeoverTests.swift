import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("reminder lock takeover")
struct ReminderLockTakeoverTests {
    /// A pid that was just used and is gone.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aLiveFreshHolderKeepsTheLock() throws {
        let folder = try TemporaryFolder()
        let file = ReminderLock.file(in: folder.url)
        let first = try #require(try ReminderLock.acquire(at: file))
        #expect(first.takeover == nil)
        #expect(try ReminderLock.acquire(at: file) == nil)
        withExtendedLifetime(first) {}
    }

    @Test func aLockWhoseHolderIsGoneIsTakenOver() throws {
        let folder = try TemporaryFolder()
        let file = ReminderLock.file(in: folder.url)
        // The flock stays held (as by a child that inherited it) while the pid written is gone.
        let stuck = try #require(try ReminderLock.acquire(at: file))
        let dead = try deadPID()
        try "\(dead) \(Int64(Date().timeIntervalSince1970))\n".write(to: file, atomically: false, encoding: .utf8)
        let taken = try #require(try ReminderLock.acquire(at: file))
        #expect(taken.takeover == "took over the reminder lock from pid \(dead), which is no longer running")
        #expect(try ReminderLock.acquire(at: file) == nil, "the new holder holds it")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix("\(getpid()) "))
        withExtendedLifetime(stuck) {}
        withExtendedLifetime(taken) {}
    }

    @Test func aLockHeldPastTheBoundIsTakenOver() throws {
        let folder = try TemporaryFolder()
        let file = ReminderLock.file(in: folder.url)
        let hung = try #require(try ReminderLock.acquire(at: file, now: Date().addingTimeInterval(-ReminderLock.hungAfter - 120)))
        let taken = try #require(try ReminderLock.acquire(at: file))
        #expect(
            taken.takeover?.hasPrefix("took over the reminder lock from pid \(getpid()), which has held it for 12 min") == true,
            "\(taken.takeover ?? "nil")")
        #expect(try ReminderLock.acquire(at: file) == nil)
        withExtendedLifetime(hung) {}
        withExtendedLifetime(taken) {}
    }

    @Test func aLockFileWithNoHolderWrittenIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let file = ReminderLock.file(in: folder.url)
        let first = try #require(try ReminderLock.acquire(at: file))
        try "garbage".write(to: file, atomically: false, encoding: .utf8)
        #expect(try ReminderLock.acquire(at: file) == nil)
        withExtendedLifetime(first) {}
    }
}
