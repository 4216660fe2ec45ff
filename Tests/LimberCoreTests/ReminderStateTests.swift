import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("reminder state and lock")
struct ReminderStateTests {
    @Test func stateRoundTripsAndAMissingFileIsEmpty() throws {
        let folder = try TemporaryFolder()
        let file = ReminderState.file(in: folder.url.appendingPathComponent("state"))
        #expect(try ReminderState.load(from: file) == ReminderState())
        var state = ReminderState()
        state.record(
            "cooldown", occurrence: Date(timeIntervalSince1970: 1_749_074_400),
            firedAt: Date(timeIntervalSince1970: 1_749_075_300))
        try state.save(to: file)
        #expect(try ReminderState.load(from: file) == state)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["reminders.json"], "no temporary file is left behind")
    }

    @Test func aDamagedStateFileIsAnErrorNotAFreshStart() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("reminders.json", "{ not json")
        #expect(
            throws: ReminderError.unreadableState(path: file.path, reason: "not reminder state (move it aside to start afresh)")
        ) {
            try ReminderState.load(from: file)
        }
    }

    @Test func aSecondLockHolderIsTurnedAwayUntilTheFirstLetsGo() throws {
        let folder = try TemporaryFolder()
        let file = ReminderLock.file(in: folder.url)
        var first = try ReminderLock.acquire(at: file)
        #expect(first != nil)
        #expect(try ReminderLock.acquire(at: file) == nil)
        first = nil
        #expect(try ReminderLock.acquire(at: file) != nil)
    }
}
