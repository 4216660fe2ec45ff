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
        try ScriptRun(file: file, arguments: arguments, pluginFolders: plugins.folders).run()
    }
}
