import ArgumentParser
import Foundation
import LimberLua

/// Runs the command line: parses, runs, and turns failures into one line and an exit code.
package enum LimberMain {
    package static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let arguments = arguments.isEmpty && ReplCommand.opensByDefault ? ["repl"] : arguments
        // A plugin stuck in C code ends the process with one line rather than hang it (cron).
        LuaWatchdog.enable()
        do {
            var command = try LimberCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let failure as LimberFailure {
            if !failure.message.isEmpty { Terminal.standardError.write("limber: \(failure.message)\n") }
            exit(failure.exitCode)
        } catch {
            LimberCommand.exit(withError: error)
        }
    }
}
