import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// `limber cron install --systemd` and `remove --systemd` in a temporary XDG_CONFIG_HOME, with a
/// stand-in `systemctl` on PATH that records its arguments.
@Suite("limber cron install/remove --systemd", .serialized)
struct SystemdTimerTests {
    let home: TemporaryFolder
    let config: TemporaryFolder
    let bin: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
        config = try TemporaryFolder()
        bin = try TemporaryFolder()
    }

    /// A systemctl whose user manager is in `state` (running, offline, ...).
    func systemctl(state: String, failing: String? = nil) throws {
        var body = "echo \"$*\" >> \(bin.path("systemctl.log"))\n"
        body += "if [ \"$2\" = is-system-running ]; then echo \(state); [ \(state) = running ]; exit $?; fi\n"
        if let failing { body += "if [ \"$2\" = \(failing) ]; then echo 'Failed to \(failing): nope' >&2; exit 1; fi\n" }
        try bin.writeScript("systemctl", body)
    }

    func limber(_ arguments: [String]) throws -> LimberProcess.Result {
        try LimberProcess(
            home: home.url,
            extra: [
                "XDG_CONFIG_HOME": config.url.path, "PATH": bin.commandPath,
            ]
        ).run(["cron"] + arguments)
    }

    var calls: [String] {
        ((try? String(contentsOfFile: bin.path("systemctl.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    var unitFolder: String { config.path("systemd/user") }

    @Test func installWritesBothUnitsReloadsAndEnablesTheTimer() throws {
        try systemctl(state: "running")
        let result = try limber(["install", "--systemd", "--every", "15"])
        #expect(result.status == 0, "\(result.stderr)")
        let service = try String(contentsOfFile: unitFolder + "/limber-remind.service", encoding: .utf8)
        let timer = try String(contentsOfFile: unitFolder + "/limber-remind.timer", encoding: .utf8)
        #expect(service.contains("Type=oneshot"))
        #expect(service.contains("ExecStart=\(LimberProcess.executable.resolvingSymlinksInPath().path) remind"), "\(service)")
        #expect(service.contains("Environment=\"LIMBER_HOME=\(home.url.path)\""))
        #expect(timer.contains("OnCalendar=*:0/15\n"))
        #expect(timer.contains("Persistent=true\n"))
        #expect(timer.contains("WantedBy=timers.target"))
        #expect(calls == ["--user is-system-running", "--user daemon-reload", "--user enable --now limber-remind.timer"])
        #expect(result.stdout.contains("limber-remind.timer is enabled and started"))

        let again = try limber(["install", "--systemd", "--every", "15"])
        #expect(again.stdout.contains("already up to date"))
        #expect(calls.count == 6, "installing again still makes sure the timer is enabled")
    }

    @Test func withoutSystemdItWritesTheUnitsAndPrintsTheTwoCommands() throws {
        try systemctl(state: "offline")
        let result = try limber(["install", "--systemd"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                """
                systemd is not running for this user; when it is, run:
                  systemctl --user daemon-reload
                  systemctl --user enable --now limber-remind.timer

                """), "\(result.stdout)")
        #expect(calls == ["--user is-system-running"])
        #expect(
            try String(contentsOfFile: unitFolder + "/limber-remind.timer", encoding: .utf8).contains("OnCalendar=*:0/30\n"),
            "the cron line's default interval")
        // No systemctl at all: the same.
        try FileManager.default.removeItem(atPath: bin.path("systemctl"))
        let bare = try limber(["install", "--systemd", "--every", "60"])
        #expect(bare.stdout.contains("systemctl --user enable --now limber-remind.timer"))
        #expect(try String(contentsOfFile: unitFolder + "/limber-remind.timer", encoding: .utf8).contains("OnCalendar=hourly\n"))
    }

    @Test func removeDisablesDeletesAndReloads() throws {
        try systemctl(state: "running")
        _ = try limber(["install", "--systemd"])
        try FileManager.default.createDirectory(atPath: unitFolder + "/timers.target.wants", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: unitFolder + "/timers.target.wants/limber-remind.timer",
            withDestinationPath: unitFolder + "/limber-remind.timer")
        try FileManager.default.removeItem(atPath: bin.path("systemctl.log"))
        let removed = try limber(["remove", "--systemd"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(calls == ["--user is-system-running", "--user disable --now limber-remind.timer", "--user daemon-reload"])
        let left = try FileManager.default.contentsOfDirectory(atPath: unitFolder)
        #expect(left == ["timers.target.wants"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: unitFolder + "/timers.target.wants").isEmpty)
        let twice = try limber(["remove", "--systemd"])
        #expect(twice.status == 0)
        #expect(twice.stdout == "systemd: there are no limber units in \(unitFolder)\n")
    }

    @Test func aFailingSystemctlIsOneLineAndAnExitCode() throws {
        try systemctl(state: "running", failing: "enable")
        let result = try limber(["install", "--systemd"])
        #expect(result.status != 0)
        #expect(result.stderr == "limber: systemctl --user enable --now limber-remind.timer failed: Failed to enable: nope\n")
    }
}
