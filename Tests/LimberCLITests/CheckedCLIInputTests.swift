import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// Flags, `LIMBER_NOW` and imported files with numbers no date or duration can hold: one line
/// naming the problem, a non-zero exit, and the log as it was.
@Suite("numbers and times from the command line are checked", .serialized)
struct CheckedCLIInputTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2024-05-08T15:30:00Z", "TZ": "UTC"])
    }

    private func export() throws -> String {
        let result = try limber.run(["export", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func impossibleAmountsAndTimesAreRefusedAndNothingIsLost() throws {
        #expect(try limber.run(["log", "add", "cat-cow", "--reps", "10"]).status == 0)
        let before = try export()
        let refusals: [([String], String)] = [
            (["log", "add", "knee-to-chest", "--hold", "1e300"], "--hold: expected a number from 0 to 1000000000, got 1e+300"),
            (["log", "add", "run", "--minutes", "inf"], "--minutes must be a number above 0"),
            (["log", "add", "run", "--minutes", "1e300"], "--minutes: expected a number from 0 to 1000000, got 1e+300"),
            (["log", "add", "run", "--at", "1969-12-31T23:00"], "expected a time between 1970-01-01 and 9999-12-31"),
            (["log", "add", "run", "--at", "99999999999999999m ago"], "is not a time"),
            (
                ["log", "add", "knee-to-chest", "--hold", "1000000000", "--sets", "100"],
                "expected a time between 1970-01-01 and 9999-12-31"
            ),
        ]
        for (arguments, expected) in refusals {
            let result = try limber.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
        #expect(try export() == before)
    }

    @Test(arguments: ["inf", "nan", "1e300", "-1", "253402300800"])
    func anImpossibleNowIsOneClearLine(now: String) throws {
        let process = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": now, "TZ": "UTC"])
        let result = try process.run(["log"])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("LIMBER_NOW '\(now)': expected a time between 1970-01-01 and 9999-12-31"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anImportOutsideTheRangeIsRefusedWithItsLine() throws {
        let file = home.url.appendingPathComponent("old.csv")
        try
            "type,session,activity,routine,source,started_at,completed,day\nsession,u1,run,run,manual,1969-07-20T20:17:00Z,false,1969-07-20\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try limber.run(["import", file.path])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "old.csv:2: invalid started_at '1969-07-20T20:17:00Z' (expected a time between 1970-01-01 and 9999-12-31)"),
            "\(result.stderr)")
        #expect(try export().split(separator: "\n").count == 1, "nothing was imported")
    }

    @Test func theLastSecondOf9999ExportsAndImportsBack() throws {
        #expect(try limber.run(["log", "add", "run", "--at", "9999-12-31T23:59"]).status == 0)
        let backup = home.url.appendingPathComponent("backup.json")
        let json = try limber.run(["export", "--format", "json"]).stdout
        try json.write(to: backup, atomically: true, encoding: .utf8)
        let other = try TemporaryFolder()
        let restored = LimberProcess(home: other.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "TZ": "UTC"])
        let result = try restored.run(["import", backup.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try restored.run(["export", "--format", "json"]).stdout == json)
    }
}
