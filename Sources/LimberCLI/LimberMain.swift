import ArgumentParser
import Foundation
import LimberLua

/// Runs the command line: parses, runs, and turns failures into one line and an exit code.
///
/// Commands run on the thread that calls this (the main thread), start to end: every command is
/// a synchronous `ParsableCommand` (a test keeps it so), so a start needs no worker thread and
/// no `dispatch_main` (see `Entrypoint`).
package enum LimberMain {
    package static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let arguments = arguments.isEmpty && ReplCommand.opensByDefault ? ["repl"] : arguments
        // A plugin stuck in C code ends the process with one line rather than hang it (cron).
        LuaWatchdog.enable()
        if let version = VersionShortcut.text(for: arguments) {
            print(version)
            exit(0)
        }
        do {
            if let script = RunCommandShortcut.command(for: arguments) {
                try script.run()
                exit(0)
            }
            if let remind = RemindCommandShortcut.command(for: arguments) {
                try remind.run()
                exit(0)
            }
            var command = try LimberCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let failure as LimberFailure {
            if !failure.message.isEmpty { Terminal.standardError.write("limber: \(failure.message)\n") }
            exit(failure.exitCode)
        } catch {
            LimberCommand.exit(withError: error)
        }
    }
}
