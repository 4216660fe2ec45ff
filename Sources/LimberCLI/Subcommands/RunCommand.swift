import ArgumentParser
import Foundation
import LimberLua

/// `limber run FILE.lua [ARGS...]`: a script, headless, with the host API and the plugins.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script with the limber API, headless.",
        discussion: """
            The script sees its arguments in `arg` (arg[0] is the script) and as `...`. \
            os.exit(n) ends the run with exit code n (os.exit(n, true) closes the state \
            first, running pending <close> variables). An error prints file:line: message \
            and a traceback on stderr and exits 1. FILE - reads the script from standard \
            input. A first line starting with # is skipped, so a script can start with \
            #!/usr/bin/env -S limber run and be made executable.
            """
    )

    @Argument(help: "The Lua script to run (- for standard input).")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let host = try plugins.makeDeferredHost()
        host.lua.cleanupBeforeExit = { code in
            try? host.sessionLog.finishRecordings(completed: code == 0)
        }
        do {
            try host.runScript(at: file, arguments: arguments)
            try finishLoggedSessions(host, completed: true)
        } catch .exit(let code) {
            try finishLoggedSessions(host, completed: code == 0)
            throw LimberFailure("", exitCode: code)
        } catch {
            try? finishLoggedSessions(host, completed: false)
            // An error raised by the script: its message (and traceback) as lua5.4 prints them.
            if case .runtime(let message, let traceback) = error {
                // Shown with control characters made visible: a plugin's text can be in it.
                let message = message.terminalSafeLines, traceback = traceback.terminalSafeLines
                Terminal.standardError.write(traceback.isEmpty ? "\(message)\n" : "\(message)\n\(traceback)\n")
                throw LimberFailure("", exitCode: 1)
            }
            throw LimberFailure(error.message)
        }
    }

    /// Finishes the sessions the script logged set by set (`limber.log.record`): completed when
    /// the script ended well, ended early when it failed.
    private func finishLoggedSessions(_ host: LimberHost, completed: Bool) throws(LuaError) {
        do {
            try host.sessionLog.finishRecordings(completed: completed)
        } catch {
            throw .conversion(String(describing: error))
        }
    }
}
