import Foundation
import LimberLua

/// What `limber run FILE [ARGS...]` does, from plain values: the parsed `RunCommand` and the
/// parser's shortcut (`RunCommandShortcut`) both end here, so the shortcut need not build the
/// command's argument-parser property wrappers (their generic metadata was a tenth of a start).
struct ScriptRun {
    /// The Lua script (- for standard input).
    var file: String
    /// The script's arguments.
    var arguments: [String]
    /// `--plugins` folders, in order.
    var pluginFolders: [String]

    func run() throws {
        let host = try PluginOptions.makeDeferredHost(folders: pluginFolders)
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
