import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// `limber plugins`: what is loaded, what each plugin defines and is granted; `check` for one file.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List plugins with their files, definitions, grants and status; check one.",
        discussion: """
            Plugins load from the shipped plugins folder, then $XDG_CONFIG_HOME/limber/plugins, \
            then each --plugins folder, in name order. A plugin asks for capabilities with a \
            '-- needs: exec, files, env' line near its top; grant them to its file in config.lua, \
            optionally pinned to its content (sha256sum of the .lua or init.lua):
              return { grants = { ["~/code/notifier.lua"] = { "exec", sha256 = "..." } } }
            A bare name (notifier = { "exec" }) grants only the plugin of that name in \
            $XDG_CONFIG_HOME/limber/plugins.
            """,
        subcommands: [ListPlugins.self, CheckPlugin.self],
        defaultSubcommand: ListPlugins.self
    )
}

extension PluginsCommand {
    /// `limber plugins [list]`.
    struct ListPlugins: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every plugin and its status.")

        @Flag(help: "Print a JSON array, one object per plugin.")
        var json = false

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let (_, reports) = try plugins.makeHost(reportFailures: false)
            if json {
                print(try JSONOutput.string(reports.map(PluginSummary.init)))
                return
            }
            print(PluginTable(reports: reports, terminal: Terminal()).render(), terminator: "")
        }
    }

    /// `limber plugins check FILE`.
    struct CheckPlugin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Load one plugin on its own and report what it defines or where it fails.",
            discussion: "Exits 0 when the plugin loads cleanly, 1 otherwise. No other plugin runs."
        )

        @Argument(help: "The plugin: a .lua file or a folder with init.lua.")
        var file: String

        @Flag(help: "Print the report as JSON.")
        var json = false

        func run() throws {
            let url = URL(fileURLWithPath: file)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw LimberFailure("\(file): no such file")
            }
            let plugin: PluginFile
            if isFolder.boolValue {
                let entry = url.appendingPathComponent("init.lua")
                guard FileManager.default.fileExists(atPath: entry.path) else {
                    throw LimberFailure("\(file): a folder plugin needs an init.lua")
                }
                plugin = PluginFile(name: url.lastPathComponent, entry: entry, moduleFolder: url)
            } else {
                plugin = PluginFile(name: url.deletingPathExtension().lastPathComponent, entry: url, moduleFolder: nil)
            }
            let paths = LimberPaths.resolve()
            let host = try PluginOptions.bareHost(paths: paths)
            let report = PluginLoader(host: host).load(plugin)
            if json {
                print(try JSONOutput.string(PluginSummary(report)))
            } else {
                print(PluginTable(reports: [report], terminal: Terminal()).render(), terminator: "")
            }
            if case .failed = report.status { throw LimberFailure("", exitCode: 1) }
        }
    }
}

/// One plugin's report as JSON.
struct PluginSummary: Encodable {
    let name: String
    let file: String
    let status: String
    let error: String?
    let defines: [String]
    let needs: [String]
    let granted: [String]
    /// The resolved file the grants apply to.
    let grantedFile: String?
    /// Why a grant naming this plugin did not apply.
    let grantNote: String?

    init(_ report: PluginReport) {
        name = report.plugin.name
        file = report.plugin.displayPath
        switch report.status {
        case .loaded:
            status = "loaded"
            error = nil
        case .failed(let message):
            status = "failed"
            error = message
        }
        defines = report.defines
        needs = report.needs
        granted = report.granted
        grantedFile = report.grantedFile
        grantNote = report.grantNote
    }
}
