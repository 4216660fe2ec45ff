import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// A guided session whose hook never returns still ends on q, Ctrl-C and SIGTERM.
@Suite("a hostile hook cannot keep a session", .serialized)
struct HostileHookTests {
    static let routine = """
        limber.routine{ id = 'quick', name = 'Quick', rest = 1,
          steps = { { exercise = 'childs-pose', hold = 30 }, { exercise = 'calf-stretch', hold = 30 } } }
        """

    /// A hook that loops for ever, catching every error (the CPU budget's too).
    static let spinning =
        "limber.on('step_start', function() print('hook spinning') while true do pcall(function() while true do end end) end end)"
    /// A hook that sleeps a day.
    static let sleeping = "limber.on('step_start', function() print('hook sleeping') limber.timer.sleep(86400) end)"

    func home(hook: String) throws -> TemporaryFolder {
        let home = try TemporaryFolder()
        try home.write("config/plugins/quick.lua", Self.routine + "\n" + hook)
        return home
    }

    func session(_ home: TemporaryFolder) throws -> TmuxSession {
        let environment = ["LIMBER_HOME": home.url.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LIMBER_SHIPPED_PLUGINS": ""]
        let shell =
            "trap : INT; \(LimberProcess.executable.path) start quick --no-countdown --no-safety-notice --no-log; echo \"exit=$?\""
        return try TmuxSession(["/bin/sh", "-c", shell], environment: environment)
    }

    @Test(arguments: [spinning, sleeping])
    func qEndsIt(hook: String) throws {
        let home = try home(hook: hook)
        let tmux = try session(home)
        try tmux.waitFor("hook ")
        try tmux.type("q")
        _ = try tmux.waitForExit(timeout: 10)
        #expect(try tmux.screen().contains("exit=0"))
    }

    @Test(arguments: [spinning, sleeping])
    func ctrlCEndsIt(hook: String) throws {
        let home = try home(hook: hook)
        let tmux = try session(home)
        try tmux.waitFor("hook ")
        try tmux.press("C-c")
        _ = try tmux.waitForExit(timeout: 10)
        #expect(try tmux.screen().contains("exit=130"))
    }

    @Test(arguments: [spinning, sleeping])
    func sigtermEndsIt(hook: String) throws {
        let home = try home(hook: hook)
        let process = Process()
        process.executableURL = LimberProcess.executable
        process.arguments = ["start", "quick", "--no-countdown", "--no-safety-notice", "--no-log"]
        process.environment = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""]).environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("hook ") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let sent = Date()
        kill(process.processIdentifier, SIGTERM)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            done.signal()
        }
        let ended = done.wait(timeout: .now() + 10) == .success
        if !ended { kill(process.processIdentifier, SIGKILL) }
        #expect(ended, "limber still ran 10 s after SIGTERM")
        if ended {
            #expect(process.terminationStatus == 128 + SIGTERM)
            print("SIGTERM answered after \(Date().timeIntervalSince(sent)) s")
        }
    }
}
