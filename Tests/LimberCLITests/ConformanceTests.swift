import Foundation
import LimberTestSupport
import Testing

/// `limber run` against stock `lua5.4` on the scripts in Tests/Conformance: the same standard
/// output, the same standard error (less lua.c's program-name prefix and the `[C]: in ?` frame
/// of its own C caller), the same exit code. Then the same scripts as plugins, which may differ
/// only where the sandbox says it does.
@Suite("Lua conformance of limber run", .serialized)
struct ConformanceTests {
    static let folder = Repository.url("Tests/Conformance")
    static let stock = URL(fileURLWithPath: "/usr/bin/lua5.4")
    /// Modules that scripts require; not scripts of their own.
    static let modules: Set<String> = ["conformance_module.lua"]

    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") && !modules.contains($0) }.sorted()
    }

    let home: TemporaryFolder
    let environment: [String: String]

    init() throws {
        home = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["LIMBER_HOME"] = home.url.path
        environment["LIMBER_SHIPPED_PLUGINS"] = ""
        environment["NO_COLOR"] = "1"
        self.environment = environment
    }

    /// lua.c's stderr as limber writes it: no `lua5.4: ` before the message, no frame for
    /// lua.c's own C caller at the bottom of a traceback.
    static func withoutStockFrames(_ stderr: String) -> String {
        var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let program = stock.path + ": "
        if let first = lines.first, first.hasPrefix(program) { lines[0] = String(first.dropFirst(program.count)) }
        return lines.filter { $0 != "\t[C]: in ?" }.joined(separator: "\n")
    }

    @Test func theScriptsAreThere() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.stock.path), "lua5.4 is needed (scripts/deps)")
        #expect(Self.scripts.count >= 20, "\(Self.scripts)")
    }

    @Test(arguments: scripts)
    func runMatchesStockLua(_ script: String) throws {
        let arguments = [script, "one", "two"]
        let expected = try LimberProcess.run(Self.stock, arguments, environment: environment, in: Self.folder)
        let actual = try LimberProcess.run(
            LimberProcess.executable, ["run"] + arguments, environment: environment, in: Self.folder)
        #expect(actual.stdout == expected.stdout, "\(script): standard output")
        #expect(actual.stderr == Self.withoutStockFrames(expected.stderr), "\(script): standard error")
        #expect(actual.status == expected.status, "\(script): exit code")
    }

    @Test func aScriptOnStandardInput() throws {
        let source =
            "print('from stdin', ...)\nlocal t <close> = setmetatable({}, {__close = function() print('closed') end})\nerror('oops')\n"
        let expected = try LimberProcess.run(Self.stock, ["-", "x"], environment: environment, stdin: source)
        let actual = try LimberProcess.run(LimberProcess.executable, ["run", "-", "x"], environment: environment, stdin: source)
        #expect(actual.stdout == expected.stdout)
        #expect(actual.stderr == Self.withoutStockFrames(expected.stderr))
        #expect(actual.status == expected.status && actual.status == 1)
        #expect(actual.stderr.hasPrefix("stdin:3: oops"))
    }

    @Test func anExecutableScriptWithAShebangLine() throws {
        let bin = try home.write("bin/.keep", "")
        let link = bin.deletingLastPathComponent().appendingPathComponent("limber")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: LimberProcess.executable)
        let script = try home.write("tool.lua", "#!/usr/bin/env -S limber run\nprint('args', ...)\nos.exit(4)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var environment = environment
        environment["PATH"] = link.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try LimberProcess.run(script, ["a", "b"], environment: environment)
        #expect(result.stdout == "args\ta\tb\n")
        #expect(result.status == 4)
    }

    /// How a script that stock Lua runs may go as a plugin: the sandbox's documented differences
    /// (README, "How limber run and plugins differ from lua5.4").
    enum AsPlugin {
        /// The same output as stock Lua.
        case same
        /// Stops with an error containing `error`, after printing what stock printed up to there,
        /// but for the lines `replaced` (stock line → plugin line).
        case stops(_ error: String, replaced: [String: String] = [:])
        /// Stops with an error containing `error`, having printed `printing` first.
        case stopsPrinting(_ error: String, _ printing: [String])
    }

    static let asPlugin: [String: AsPlugin] = [
        "bom.lua": .same, "bom_shebang.lua": .same, "coroutines.lua": .same, "errors.lua": .same,
        "numbers.lua": .same,
        // no io library without the files grant
        "close_goto.lua": .stops("attempt to index a nil value (global 'io')"),
        "patterns.lua": .stops("attempt to index a nil value (global 'io')"),
        // no finalizers in plugins (they would run outside any CPU budget); the <close> runs
        "exit_close.lua": .stopsPrinting(
            "plugins may not set __gc",
            [
                "closed outer\texit_close.lua:3: setmetatable: plugins may not set __gc (finalizers run where no CPU budget can stop them)"
            ]),
        "exit_code.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        "exit_coroutine.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        "exit_false.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        "exit_in_pcall.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        "exit_plain.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        "exit_true.lua": .stopsPrinting("attempt to index a nil value (global 'io')", ["closed"]),
        // (the exit scripts stop at io.write; the error unwinds through their <close> variable)
        // text chunks only, always in the plugin's own environment
        "load_env.lua": .stops("plugins may load text chunks only (mode 't')"),
        // require reaches a folder plugin's own modules only
        "require_here.lua": .stops("only a folder plugin (with init.lua) can require its own modules"),
        // errors as the plugin report shows them
        "shebang.lua": .stops("shebang.lua:4: line three"),
        "uncaught_string.lua": .stops("uncaught_string.lua:2: it failed"),
        "uncaught_table.lua": .stops("(error object is a table value)"),
        "uncaught_tostring.lua": .stops("described error"),
        // the string metatable is hidden, and methods added to a plugin's `string` copy are not
        // seen by string values
        "strings.lua": .stops("attempt to call a nil value (method 'trim')", replaced: ["true": "false"]),
        // no warn()
        "warn.lua": .stops("attempt to call a nil value (global 'warn')"),
    ]

    @Test(arguments: scripts)
    func asAPluginOnlyTheSandboxDiffers(_ script: String) throws {
        let expectation = try #require(Self.asPlugin[script], "\(script): say how it runs as a plugin")
        let stock = try LimberProcess.run(Self.stock, [script], environment: environment, in: Self.folder)
        let plugin = try LimberProcess.run(
            LimberProcess.executable, ["plugins", "check", script], environment: environment, in: Self.folder)
        let name = String(script.dropLast(4))
        // `limber plugins check` prints the plugin's output, then its report.
        let report = plugin.stdout.range(of: "\(name)  loaded  ") ?? plugin.stdout.range(of: "\(name)  failed  ")
        let printed = String(plugin.stdout[..<(report?.lowerBound ?? plugin.stdout.endIndex)])
        switch expectation {
        case .same:
            #expect(printed == stock.stdout, "\(script)")
            #expect(plugin.status == 0, "\(script): \(plugin.stdout)")
        case .stopsPrinting(let error, let lines):
            #expect(plugin.status != 0, "\(script): \(plugin.stdout)")
            #expect(plugin.stdout.contains(error), "\(script): \(plugin.stdout)")
            #expect(Array(printed.split(separator: "\n").map(String.init).prefix(lines.count)) == lines, "\(script)")
        case .stops(let error, let replaced):
            #expect(plugin.status != 0, "\(script): \(plugin.stdout)")
            #expect(plugin.stdout.contains(error), "\(script): \(plugin.stdout)")
            let stockLines = stock.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let pluginLines = printed.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            #expect(pluginLines.count <= stockLines.count, "\(script)")
            for (index, line) in pluginLines.enumerated() where index < stockLines.count {
                let wanted = replaced[stockLines[index]] ?? stockLines[index]
                #expect(line == wanted, "\(script): line \(index + 1)")
            }
        }
    }
}
