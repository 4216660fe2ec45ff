import Foundation
import LimberTestSupport
import Testing

/// The shipped reminder plugins, driven through `limber log add` and `limber remind` with a faked now.
@Suite("shipped reminders: cool-down, stretch after a run", .serialized)
struct ShippedReminderPluginTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("plugins")
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": shipped.path, "TZ": "America/New_York"])
    }

    /// The messages `limber remind` delivered at a local time on 2025-06-04 (or another day).
    func remind(_ time: String, day: String = "2025-06-04") throws -> [String] {
        let result = try limber.run(["remind", "--now", "\(day)T\(time):00-04:00"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func log(_ arguments: [String]) throws {
        let result = try limber.run(["log", "add"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
    }

    let cooldown = "Time for your cool-down: limber start runner-cooldown (about 10 minutes)."

    @Test func theCooldownReminderComesOnceADayUnlessACooldownWasLogged() throws {
        #expect(try remind("17:55") == [], "yesterday's 18:00 is past its window, today's has not come")
        #expect(try remind("18:05") == [cooldown])
        #expect(try remind("18:35") == [])
        // The next day a cool-down is logged before 18:00: the reminder stays quiet.
        try log(["runner-cooldown", "--minutes", "10", "--at", "2025-06-05T07:30"])
        #expect(try remind("18:05", day: "2025-06-05") == [])
        #expect(try remind("19:05", day: "2025-06-05") == [])
    }

    @Test func aCooldownReminderMissedForHoursIsDropped() throws {
        #expect(try remind("09:00", day: "2025-06-05").contains(cooldown) == false, "yesterday's 18:00 is past its window")
        #expect(try remind("18:00", day: "2025-06-05") == [cooldown])
    }

    @Test func afterARunItRemindsOnceUntilStretched() throws {
        let runNudge = "You ran 40 minutes today but have not stretched yet: limber start runner-cooldown."
        try log(["runner-cooldown", "--minutes", "10", "--at", "2025-06-04T07:00"])
        #expect(try remind("12:00").contains(runNudge) == false, "no run, no nudge")
        try log(["run", "--minutes", "40", "--at", "2025-06-04T12:00"])
        #expect(try remind("12:50") == [], "the run ended ten minutes ago")
        #expect(try remind("13:10") == [runNudge])
        #expect(try remind("13:40") == [], "once per run")
        // A second run, then a stretch: no nudge for it.
        try log(["run", "--minutes", "30", "--at", "2025-06-04T16:00"])
        try log(["cat-cow", "--reps", "10", "--at", "2025-06-04T16:40"])
        #expect(try remind("17:30") == [])
    }
    /// `limber remind` leaves its state to `exit` but closes the log first: the write-ahead log is
    /// checkpointed into the database and removed, as any closed SQLite database leaves it.
    @Test func aRemindThatReadsTheLogLeavesItClosed() throws {
        try log(["run", "--minutes", "40", "--at", "2025-06-04T12:00"])
        #expect(try remind("13:10").count == 1, "the reminders read the log")
        let database = home.path("data/limber.sqlite")
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"), "the log was closed")
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))
        let sessions = try limber.run(["log", "--json"])
        #expect(sessions.status == 0, "\(sessions.stderr)")
        #expect(sessions.stdout.contains("\"run\""), "the logged run is still there")
    }
}
