import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("the crontab block and the job's quoting")
struct CrontabBlockTests {
    let job = RemindJob(
        executable: "/opt/limber/bin/limber", arguments: ["remind"],
        environment: [("PATH", "/usr/bin:/bin"), ("LIMBER_HOME", "/home/r/limber")])

    @Test func installingTwiceLeavesOneBlockAndKeepsTheUsersLines() throws {
        let mine = "MAILTO=me@example.org\n0 7 * * * /usr/bin/backup\n"
        let once = try CrontabBlock.install(job.crontabBlock, into: mine)
        #expect(once.hasPrefix(mine))
        #expect(once.contains(job.crontabLine))
        let twice = try CrontabBlock.install(job.crontabBlock, into: once)
        #expect(twice == once)
        #expect(twice.components(separatedBy: CrontabBlock.begin).count == 2)
        #expect(try CrontabBlock.install(job.crontabBlock, into: "") == job.crontabBlock)
    }

    @Test func aChangedJobReplacesTheBlockWhereItIs() throws {
        let around = "0 7 * * * /usr/bin/backup\n\n" + job.crontabBlock + "30 8 * * * /usr/bin/later\n"
        var changed = job
        changed.everyMinutes = 15
        let updated = try CrontabBlock.install(changed.crontabBlock, into: around)
        #expect(updated == "0 7 * * * /usr/bin/backup\n\n" + changed.crontabBlock + "30 8 * * * /usr/bin/later\n")
    }

    @Test func removingTakesOutOnlyTheBlock() throws {
        let mine = "MAILTO=me@example.org\n0 7 * * * /usr/bin/backup\n"
        let installed = try CrontabBlock.install(job.crontabBlock, into: mine)
        let (text, removed) = try CrontabBlock.remove(from: installed)
        #expect(removed)
        #expect(text == mine)
        let (again, removedAgain) = try CrontabBlock.remove(from: text)
        #expect(!removedAgain && again == mine)
    }

    @Test func aDamagedBlockIsRefusedNotGuessedAt() {
        #expect(throws: ReminderError.self) {
            try CrontabBlock.install(job.crontabBlock, into: "\(CrontabBlock.begin)\n*/30 * * * * limber remind\n")
        }
        #expect(throws: ReminderError.self) {
            try CrontabBlock.remove(from: "\(CrontabBlock.end)\n\(CrontabBlock.begin)\n")
        }
    }

    @Test func theCrontabLineRunsExactlyTheJobUnderShAfterCronsPercentHandling() throws {
        let folder = try TemporaryFolder()
        let printer = try folder.write(
            "bin/show args",
            """
            #!/bin/sh
            printf '%s\\n' "LIMBER_HOME=$LIMBER_HOME" "$@"
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: printer.path)
        let tricky = RemindJob(
            executable: printer.path, arguments: ["remind", "--command", "notify 'a b' 50% $HOME `id`"],
            environment: [("PATH", "/usr/bin:/bin"), ("LIMBER_HOME", "/tmp/it's 100% here")])
        let line = tricky.crontabLine
        #expect(line.hasPrefix("*/30 * * * * "))
        #expect(!line.replacingOccurrences(of: "\\%", with: "").contains("%"), "every % is escaped for cron")
        // What cron hands to /bin/sh: the command after the five time fields, with \% made %.
        let command = line.split(separator: " ", maxSplits: 5)[5].replacingOccurrences(of: "\\%", with: "%")
        let result = try TimedProcess.run("/bin/sh", arguments: ["-c", command], environment: [:], capture: true)
        #expect(result.termination == .exited(0))
        #expect(
            String(decoding: result.output, as: UTF8.self)
                == "LIMBER_HOME=/tmp/it's 100% here\nremind\n--command\nnotify 'a b' 50% $HOME `id`\n")
    }

    @Test func systemdUnitsQuoteAndEscapeSpecifiers() {
        let odd = RemindJob(
            executable: "/opt/my limber/limber", arguments: ["remind", "--command", "say 100%"],
            environment: [("PATH", "/usr/bin:/bin"), ("LIMBER_HOME", "/home/r/\"quoted\"")], everyMinutes: 15)
        #expect(odd.systemdService.contains("Environment=\"LIMBER_HOME=/home/r/\\\"quoted\\\"\"\n"))
        #expect(odd.systemdService.contains("ExecStart=\"/opt/my limber/limber\" remind --command \"say 100%%\"\n"))
        #expect(odd.systemdService.contains("Type=oneshot"))
        #expect(odd.systemdTimer.contains("OnCalendar=*:0/15\n"))
        #expect(odd.systemdTimer.contains("Persistent=true"))
        #expect(odd.systemdTimer.contains("WantedBy=timers.target"))
    }
}
