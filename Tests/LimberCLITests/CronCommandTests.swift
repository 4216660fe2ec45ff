import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("limber cron print, install and remove", .serialized)
struct CronCommandTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        // A fake crontab command keeps its table in a file; the real crontab is never touched.
        let fake = try home.write(
            "bin/fake-crontab",
            """
            #!/bin/sh
            table='\(home.path("crontab.txt"))'
            case "$1" in
              -l) if [ -f "$table" ]; then cat "$table"; else echo "no crontab for tester" >&2; exit 1; fi ;;
              -) cat > "$table" ;;
              *) echo "usage: crontab -l | -" >&2; exit 2 ;;
            esac
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        limber = LimberProcess(
            home: home.url,
            extra: ["LIMBER_CRONTAB": fake.path, "LIMBER_SHIPPED_PLUGINS": "", "PATH": "/usr/local/bin:/usr/bin:/bin"])
    }

    var table: String { (try? String(contentsOfFile: home.path("crontab.txt"), encoding: .utf8)) ?? "" }

    var binary: String { LimberProcess.executable.resolvingSymlinksInPath().path }

    @Test func printGivesAnAbsolutePathAndTheEnvironmentCronLacks() throws {
        let result = try limber.run(["cron", "print"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                # >>> limber >>>
                # limber reminders: `limber remind` every 30 minutes. Managed by `limber cron install`;
                # `limber cron remove` takes this block out again.
                */30 * * * * PATH=/usr/local/bin:/usr/bin:/bin LIMBER_HOME=\(home.url.standardizedFileURL.path) LIMBER_SHIPPED_PLUGINS='' \(binary) remind
                # <<< limber <<<

                """)
        let desktop = try limber.run(["cron", "print", "--notify", "desktop", "--every", "15"])
        #expect(desktop.stdout.contains("*/15 * * * * "))
        #expect(desktop.stdout.contains("DBUS_SESSION_BUS_ADDRESS="))
        #expect(desktop.stdout.contains("\(binary) remind --notify desktop\n"))
    }

    @Test func printSystemdGivesAServiceAndATimer() throws {
        let result = try limber.run(["cron", "print", "--systemd"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[Service]\nType=oneshot\n"))
        #expect(result.stdout.contains("Environment=\"LIMBER_HOME=\(home.url.standardizedFileURL.path)\"\n"))
        #expect(result.stdout.contains("ExecStart=\(binary) remind\n"))
        #expect(result.stdout.contains("[Timer]\nOnCalendar=*:0/30\nPersistent=true\n"))
    }

    @Test func installTwiceGivesOneBlockAndRemoveLeavesTheRest() throws {
        try home.write("crontab.txt", "MAILTO=me@example.org\n0 7 * * * /usr/bin/backup\n")
        let first = try limber.run(["cron", "install"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("crontab: limber remind runs every 30 minutes:\n"))
        let installed = table
        #expect(installed.hasPrefix("MAILTO=me@example.org\n0 7 * * * /usr/bin/backup\n"))
        #expect(installed.contains("\(binary) remind\n"))

        let second = try limber.run(["cron", "install"])
        #expect(second.stdout == "crontab: the limber block is already up to date\n")
        #expect(table == installed)
        #expect(table.components(separatedBy: "# >>> limber >>>").count == 2)

        let changed = try limber.run(["cron", "install", "--every", "10"])
        #expect(changed.status == 0)
        #expect(table.contains("*/10 * * * * "))
        #expect(!table.contains("*/30 * * * * "))

        let removed = try limber.run(["cron", "remove"])
        #expect(removed.stdout == "crontab: removed the limber block\n")
        #expect(table == "MAILTO=me@example.org\n0 7 * * * /usr/bin/backup\n")
        let nothing = try limber.run(["cron", "remove"])
        #expect(nothing.stdout == "crontab: there is no limber block\n")
    }

    @Test func installWithNoCrontabYetCreatesOne() throws {
        let result = try limber.run(["cron", "install"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(table.hasPrefix("# >>> limber >>>\n"))
    }

    @Test func aMissingOrFailingCrontabIsOneLine() throws {
        let missing = LimberProcess(home: home.url, extra: ["LIMBER_CRONTAB": "no-such-crontab", "PATH": "/usr/bin:/bin"])
        let result = try missing.run(["cron", "install"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "limber: no-such-crontab is not on PATH (/usr/bin:/bin); install cron, or add the lines from `limber cron print` by hand\n"
        )
        let broken = try home.write("bin/broken-crontab", "#!/bin/sh\necho 'crontab: permission denied' >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: broken.path)
        let failing = LimberProcess(home: home.url, extra: ["LIMBER_CRONTAB": broken.path])
        let failed = try failing.run(["cron", "remove"])
        #expect(failed.status == 1)
        #expect(failed.stderr == "limber: crontab -l exited with status 1: crontab: permission denied\n")
    }
}
