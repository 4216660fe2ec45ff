import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("embedded Lua")
struct EmbeddedLuaTests {
    /// The source file of an embedded chunk, from this test file's place in the tree.
    static func sourceFile(_ embedded: EmbeddedLua) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources").appendingPathComponent(embedded.name)
    }

    @Test(arguments: [EmbeddedLua.sandbox, EmbeddedLua.testRuntime, EmbeddedLua.printer])
    func theBinaryCarriesTheFileAsItIsInTheTree(_ embedded: EmbeddedLua) throws {
        let onDisk = try Data(contentsOf: Self.sourceFile(embedded))
        #expect(Array(onDisk) == embedded.bytes)
    }

    @Test func anErrorInsideTheSandboxNamesItsFileAndLine() throws {
        let folder = try TemporaryFolder()
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let chunk = try host.lua.load(Array("collectgarbage('stop')".utf8), chunkName: "@probe.lua")
        let runner = try host.pluginRunner()
        let arguments: [LuaValue] = [chunk, .string("probe"), .nil, .table(LuaTable()), .table(LuaTable())]
        let failed = Self.failure { () throws(LuaError) -> [LuaValue] in try host.lua.call(runner, arguments) }
        let error = try #require(failed)
        #expect(error.message.contains("probe.lua:1: collectgarbage('stop') is not available to plugins"))
        let traceback = error.traceback ?? ""
        // The traceback passes through sandbox.lua at the line of the `error` call that refused it.
        let lines = try String(contentsOf: Self.sourceFile(.sandbox), encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("is not available to plugins") }) + 1
        #expect(traceback.contains("LimberLua/Lua/sandbox.lua:\(line):"))
    }

    /// The error `body` threw, or nil when it returned.
    static func failure(_ body: () throws(LuaError) -> [LuaValue]) -> LuaError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
