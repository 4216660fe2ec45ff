import Foundation
import LimberTestSupport
import Testing

/// `limber remind` with its kept log reads, end to end: a run at which the log is unchanged
/// does not open the database, and a session logged since is seen at once.
@Suite("limber remind keeps its log reads (end to end)", .serialized)
struct RemindLogCacheCLITests {
    let home: TemporaryFolder
    let cron: CronLikeProcess

    init() throws {
        home = try TemporaryFolder()
        cron = CronLikeProcess(home: home.url, extra: ["TZ": "UTC"])
    }

    /// `limber remind --now NOW` under strace: its result, and how often it opened the log.
    func tracedRemind(now: String) throws -> (LimberProcess.Result, opens: Int) {
        let (result, counts) = try cron.traced(["remind", "--now", now], counting: ["limber.sqlite"])
        return (result, counts["limber.sqlite", default: 0])
    }

    @Test func anUnchangedLogIsNotOpenedAndANewRunIsSeen() throws {
        #expect(try cron.run(["log", "add", "run", "--minutes", "30", "--at", "2025-06-04T07:00"]).status == 0)
        // Past the racy window, so this run's answers are kept.
        Thread.sleep(forTimeInterval: 3.2)
        let first = try tracedRemind(now: "2025-06-04T10:00:00Z")
        #expect(first.0.stdout.contains("You ran 30 minutes today"), "\(first.0.stderr)")
        #expect(first.opens > 0)
        #expect(FileManager.default.fileExists(atPath: home.path(".cache/limber/remind-log")))

        let quiet = try tracedRemind(now: "2025-06-04T10:31:00Z")
        #expect(quiet.0.status == 0 && quiet.0.stdout == "" && quiet.0.stderr == "", "\(quiet.0.stderr)")
        #expect(quiet.opens == 0, "the log is as the last run read it")

        #expect(try cron.run(["log", "add", "run", "--minutes", "20", "--at", "2025-06-04T10:35"]).status == 0)
        let after = try tracedRemind(now: "2025-06-04T11:30:00Z")
        #expect(after.0.stdout.contains("You ran 20 minutes today"), "the run logged since: \(after.0.stderr)")
        #expect(after.opens > 0)
    }
}
