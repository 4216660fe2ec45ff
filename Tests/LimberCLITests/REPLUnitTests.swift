import Foundation
import LimberCore
import LimberLua
import LimberTestSupport
import Testing

@testable import LimberCLI

/// The REPL's parts without a process: chunk compilation, completion, dot-commands, history.
@Suite("REPL parts")
struct REPLUnitTests {
    let home: TemporaryFolder
    let host: LimberHost
    let driver: ReplDriver

    init() throws {
        home = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: home.url))
        driver = try ReplDriver(host: host)
    }

    @Test func expressionsStatementsAndUnfinishedInput() {
        func outcome(_ source: String) -> String {
            switch ReplChunk.compile(source, in: host.lua) {
            case .ready: "ready"
            case .incomplete: "incomplete"
            case .failed(let error): "failed: \(error.message)"
            }
        }
        #expect(outcome("1 + 1") == "ready")
        #expect(outcome("x = 1") == "ready")
        #expect(outcome("for i = 1, 2 do") == "incomplete")
        #expect(outcome("{") == "incomplete")
        #expect(outcome("print(\"a\",") == "incomplete")
        #expect(outcome("s = [[long") == "incomplete")
        #expect(outcome("x = = 1") == "failed: repl:1: unexpected symbol near '='")
        #expect(outcome("x = 1; x") == "failed: repl:1: syntax error near <eof>", "not a wait for more lines")
        #expect(outcome("f(1,") == "incomplete")
        #expect(outcome("end") == "failed: repl:1: <eof> expected near 'end'")
    }

    @Test func completesGlobalsFieldsProxiesAndMethods() throws {
        #expect(driver.complete("pri") == ["print"])
        // Everything directly under `limber`, from the one registration table.
        let topLevel = Set(HostAPI.namespaces.map(\.name) + HostAPI.functions.filter { $0.namespace == nil }.map(\.name))
            .union(["api_version", "version"])
        #expect(driver.complete("limber.") == topLevel.sorted().map { "limber." + $0 })
        #expect(
            driver.complete("limber.catalogue.") == [
                "limber.catalogue.add", "limber.catalogue.all", "limber.catalogue.find", "limber.catalogue.get",
            ])
        #expect(driver.complete("limber.catalogue.fi") == ["limber.catalogue.find"])
        #expect(driver.complete("string.for") == ["string.format"])
        #expect(driver.complete("fun") == ["function"], "keywords complete too")
        try host.lua.run("s = 'text'; point = setmetatable({ x = 1 }, { __index = { length = function() end, kind = 'p' } })")
        #expect(driver.complete("s:up") == ["s:upper"])
        #expect(driver.complete("point.") == ["point.kind", "point.length", "point.x"])
        #expect(driver.complete("point:") == ["point:length"], "methods only after a colon")
        #expect(driver.complete("nosuch.") == [])
        #expect(driver.complete("limber..x") == [])
    }

    @Test func completionSurvivesRaisingAndEndlessPairs() throws {
        try host.lua.run(
            """
            bad = setmetatable({}, { __pairs = function() error("no") end, __index = function() error("no") end })
            endless = setmetatable({}, { __pairs = function() return function() while true do end end end })
            """)
        #expect(driver.complete("bad.") == [])
        #expect(driver.complete("bad.x.") == [])
        #expect(driver.complete("endless.") == [], "given up after the CPU limit")
        #expect(driver.complete("pri") == ["print"], "the state still works")
    }

    @Test func dotCommandsParse() {
        #expect(DotCommand.parse(".help") == .help)
        #expect(DotCommand.parse("  .exercises ") == .exercises)
        #expect(DotCommand.parse(".load my file.lua") == .load(path: "my file.lua"))
        #expect(DotCommand.parse(".load \"quoted.lua\"") == .load(path: "quoted.lua"))
        #expect(DotCommand.parse(".exit") == .exit(code: 0))
        #expect(DotCommand.parse(".exit 2") == .exit(code: 2))
        #expect(DotCommand.parse(".5 + 1") == nil)
        #expect(DotCommand.parse("x.y") == nil)
        guard case .invalid = DotCommand.parse(".load") else { Issue.record("a load without a file is refused"); return }
        guard case .invalid = DotCommand.parse(".exit soon") else { Issue.record("a bad exit code is refused"); return }
    }

    @Test func historyAppendsAndKeepsTheNewestLines() throws {
        var history = ReplHistory(file: home.url.appendingPathComponent("state/history"))
        history.limit = 3
        #expect(history.load().isEmpty)
        for line in ["one", "two", "three", "four", "five", "six", "seven"] { #expect(history.append(line)) }
        #expect(history.load() == ["five", "six", "seven"])
        let compacted = try String(contentsOf: history.file, encoding: .utf8)
        #expect(compacted == "five\nsix\nseven\n", "a file past twice the limit is compacted")
    }

    @Test func helpComesFromHostAPI() {
        let help = ReplHelp()
        for function in HostAPI.functions {
            #expect(help.overview.contains(function.summary))
            #expect(help.functionText(function).hasPrefix(function.signature + "\n  " + function.summary))
        }
        for apiClass in HostAPI.classes {
            #expect(help.overview.contains(apiClass.name))
        }
    }
}
