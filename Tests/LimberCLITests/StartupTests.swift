import ArgumentParser
import Foundation
import LimberTestSupport
import Testing

@testable import LimberCLI

/// A start does only what the command uses: a script that touches no API opens no log and
/// loads no plugin, and every command runs on the thread that started the process.
@Suite("start-up: nothing the command does not use")
struct StartupTests {
    let home: TemporaryFolder
    let limber: LimberProcess
    /// A plugin that, once loaded, leaves this file behind (it is granted `files`).
    let marker: String

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        marker = home.path("plugin-was-loaded")
        let plugin = try home.write(
            "config/plugins/marker.lua",
            """
            -- needs: files
            local file = assert(io.open('\(marker)', 'w'))
            file:write('loaded')
            file:close()
            """)
        try home.write("config/config.lua", "return { grants = { ['\(plugin.path)'] = { 'files' } } }")
    }

    private var database: String { home.path("data/limber.sqlite") }

    @Test func aScriptThatUsesNoAPIOpensNoLogAndLoadsNoPlugin() throws {
        let script = try home.write("plain.lua", "local x = 1 + 1\nprint(x, limber.now() > 0, limber.version ~= nil)")
        let result = try limber.run(["run", script.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "2\ttrue\ttrue\n")
        #expect(!FileManager.default.fileExists(atPath: marker), "the plugin was not loaded")
        #expect(!FileManager.default.fileExists(atPath: home.path("data")), "no log folder, no database")
        #expect(!FileManager.default.fileExists(atPath: home.path("state")))
    }

    @Test func theFirstCallThatNeedsPluginsLoadsThem() throws {
        let script = try home.write("uses.lua", "print(#limber.catalogue.all() > 0)")
        let result = try limber.run(["run", script.path])
        #expect(result.status == 0, "\(result)")
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "loaded")
        #expect(!FileManager.default.fileExists(atPath: database), "the catalogue needs no log")
    }

    @Test func aScriptThatReadsTheLogOpensItAndStillLoadsNoPlugin() throws {
        let script = try home.write("reads.lua", "print(#limber.log.sessions{})")
        let result = try limber.run(["run", script.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "0\n")
        #expect(!FileManager.default.fileExists(atPath: marker), "log.sessions needs no plugin")
    }

    @Test(arguments: [["--version"], ["--help"], ["run", "--help"]])
    func informationOnlyCommandsTouchNothing(arguments: [String]) throws {
        let result = try limber.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(!FileManager.default.fileExists(atPath: home.path("data")))
    }

    /// An `async` command would need the async entry point back, whose start hands the program
    /// to a worker thread and unwinds the main one (see `Entrypoint`): the REPL runs its own
    /// thread instead.
    @Test func everyCommandIsSynchronous() {
        var pending: [any ParsableCommand.Type] = [LimberCommand.self]
        var seen = 0
        while let command = pending.popLast() {
            seen += 1
            #expect(!(command is any AsyncParsableCommand.Type), "\(command) is async")
            pending += command.configuration.subcommands
        }
        #expect(seen > 20, "walked the whole command tree")
    }
}

/// `limber run FILE ...` skips the full parser only where its answer is known.
@Suite("limber run: the parser shortcut")
struct RunCommandShortcutTests {
    /// What the full parser makes of `arguments`, as a run command.
    private func parsed(_ arguments: [String]) throws -> RunCommand? {
        try LimberCommand.parseAsRoot(arguments) as? RunCommand
    }

    @Test(arguments: [
        ["run", "script.lua"],
        ["run", "script.lua", "one", "two"],
        ["run", "script.lua", "--help"],
        ["run", "script.lua", "-h", "help", "--version"],
        ["run", "script.lua", "--plugins", "/tmp/elsewhere"],
        ["run", "script.lua", "--", "after", "--", "--plugins=x"],
        ["run", "script.lua", "-", ""],
        ["run", "dir with spaces/ünïcødé.lua", "\u{1b}[31m", "a=b"],
        ["run", "help"],
        ["run", "run", "run"],
        ["run", "script.lua", "--experimental-dump-help"],
    ])
    func theShortcutMakesWhatTheParserMakes(arguments: [String]) throws {
        let quick = try #require(RunCommandShortcut.command(for: arguments), "takes the shortcut")
        let full = try #require(try parsed(arguments))
        #expect(quick.file == full.file)
        #expect(quick.arguments == full.arguments)
        #expect(quick.pluginFolders == full.plugins.folders)
    }

    @Test(arguments: [
        ["run"],
        ["run", "--plugins", "/tmp/p", "script.lua"],
        ["run", "--help"],
        ["run", "-"],
        ["run", ""],
        ["run", "script.lua", "--generate-completion-script", "bash"],
        ["run", "script.lua", "--generate-completion-script=zsh"],
        ["---completion", "run", "--", "positional@0", "0", "0"],
        ["run", "script.lua", "---completion"],
        ["stats", "run"],
        ["Run", "script.lua"],
        [],
    ])
    func otherShapesGoToTheParser(arguments: [String]) {
        #expect(RunCommandShortcut.command(for: arguments) == nil)
    }
}
