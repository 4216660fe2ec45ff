import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// Writes an executable shell script into a folder.
@discardableResult
func writeScript(_ folder: TemporaryFolder, _ name: String, _ body: String) throws -> URL {
    let url = try folder.write(name, "#!/bin/sh\n" + body)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url
}

@Suite("delivering reminders: desktop, a command, time limits")
struct DelivererTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A script that writes each argument on its own line to `args.txt`.
    @discardableResult
    func recorder(_ name: String) throws -> URL {
        try writeScript(
            folder, "bin/\(name)", "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '\(folder.path("args.txt"))'; done\n")
    }

    func recorded() -> [String] {
        let text = (try? String(contentsOfFile: folder.path("args.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func aCommandGetsTheMessageAsOneArgumentWithNothingExpanded() throws {
        try recorder("tell")
        let message = "stretch now; $(touch \(folder.path("pwned"))) `id` 'quoted' \"x\" * ~"
        let deliverer = Deliverer(
            backend: .command("tell --title 'from limber'"), environment: ["PATH": folder.path("bin") + ":/usr/bin:/bin"])
        try deliverer.checkAvailable()
        try deliverer.deliver(message)
        #expect(recorded() == ["--title", "from limber", message])
        #expect(!FileManager.default.fileExists(atPath: folder.path("pwned")))
    }

    @Test func aMissingCommandIsOneClearLine() throws {
        let deliverer = Deliverer(backend: .command("no-such-notifier --loud"), environment: ["PATH": "/usr/bin:/bin"])
        #expect(throws: ReminderError.backendUnavailable("--command: 'no-such-notifier' is not on PATH (/usr/bin:/bin)")) {
            try deliverer.checkAvailable()
        }
    }

    @Test func aFailingCommandSaysHow() throws {
        try writeScript(folder, "bin/grumpy", "exit 3\n")
        let deliverer = Deliverer(backend: .command(folder.path("bin/grumpy")), environment: [:])
        #expect(throws: ReminderError.deliveryFailed("--command '\(folder.path("bin/grumpy"))' exited with status 3")) {
            try deliverer.deliver("hello")
        }
    }

    @Test func aHangingCommandIsStoppedAtTheTimeLimit() throws {
        // The script starts a child of its own that would outlive it; both must go.
        try writeScript(folder, "bin/hang", "sleep 30 &\necho $! > '\(folder.path("child"))'\nsleep 30\n")
        let deliverer = Deliverer(backend: .command(folder.path("bin/hang")), environment: [:], timeout: .milliseconds(300))
        #expect(
            throws: ReminderError.deliveryFailed(
                "--command '\(folder.path("bin/hang"))' did not finish within 0.3 s and was stopped")
        ) {
            try deliverer.deliver("hello")
        }
        // deliver came back (not after the script's 30 s: the test would take that long), and the
        // script's own child was stopped with it. Once stopped, it may take its new parent a
        // moment to collect it: poll for that, up to a bound no stopped child comes near.
        let child = try #require(
            pid_t(
                String(contentsOf: folder.url.appending(path: "child"), encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<200 where !gone {
            gone = Self.hasEnded(child)
            if !gone { usleep(50_000) }
        }
        #expect(gone, "the script's child \(child) outlived it")
    }

    /// Whether a process has ended: gone, or a zombie that no one has collected yet.
    static func hasEnded(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.contains(") Z ")
    }

    @Test func desktopNeedsABusAndNotifySend() throws {
        let noBus = Deliverer(backend: .desktop, environment: ["PATH": "/usr/bin:/bin"])
        #expect {
            try noBus.checkAvailable()
        } throws: { error in
            (error as? ReminderError)?.description.hasPrefix(
                "desktop notifications need a session bus, and DBUS_SESSION_BUS_ADDRESS is not set") == true
        }
        let goneBus = Deliverer(backend: .desktop, environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(folder.path("nobus"))"])
        #expect(
            throws: ReminderError.backendUnavailable(
                "desktop notifications need a session bus, and \(folder.path("nobus")) does not exist (is anyone logged in?)")
        ) {
            try goneBus.checkAvailable()
        }
        try folder.write("bus", "")
        let noProgram = Deliverer(
            backend: .desktop,
            environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(folder.path("bus"))", "PATH": folder.path("empty")])
        #expect(
            throws: ReminderError.backendUnavailable(
                "desktop notifications need notify-send, which is not on PATH (\(folder.path("empty"))); on Debian: apt install libnotify-bin"
            )
        ) {
            try noProgram.checkAvailable()
        }
    }

    @Test func desktopRunsNotifySendWithTheMessage() throws {
        try recorder("notify-send")
        try folder.write("bus", "")
        let deliverer = Deliverer(
            backend: .desktop,
            environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(folder.path("bus"))", "PATH": folder.path("bin")])
        try deliverer.deliver("-n time to stretch", title: "limber")
        #expect(recorded() == ["--app-name=limber", "--", "limber", "-n time to stretch"])
    }

    @Test func commandWordsSplitLikeAShellWithoutExpanding() throws {
        #expect(try CommandWords.split("  a 'b c'  \"d \\\"e\\\"\" f\\ g $HOME ") == ["a", "b c", "d \"e\"", "f g", "$HOME"])
        #expect(throws: ReminderError.self) { try CommandWords.split("say 'oops") }
    }
}
