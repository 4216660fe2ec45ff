import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("LuaLS stub")
struct LuaLSStubTests {
    /// Records an issue naming the first differing line when a committed stub is not what its
    /// source generates now.
    func checkCommitted(_ path: String, equals generated: String, regenerate: String) {
        guard let committed = Repository.text(path) else {
            Issue.record("\(path) is missing; generate it with: \(regenerate)")
            return
        }
        guard committed != generated else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let was = line < old.count ? String(old[line]) : "(end of file)"
        let now = line < new.count ? String(new[line]) : "(end of file)"
        Issue.record(
            """
            \(path) and what it is generated from have drifted apart; regenerate it with: \(regenerate)
            first difference at line \(line + 1):
              committed: \(was)
              generated: \(now)
            """)
    }

    @Test func committedStubMatchesTheRegisteredAPI() {
        checkCommitted(LuaLSStub.committedPath, equals: LuaLSStub.render(), regenerate: LuaLSStub.regenerateCommand)
    }

    @Test func committedTestStubMatchesTheTestGlobals() throws {
        checkCommitted(
            PluginTestAPI.stubPath, equals: PluginTestAPI.stub(),
            regenerate: "swift run limber stub --tests --output \(PluginTestAPI.stubPath)")
        let lua = try LuaState()
        try lua.call(try lua.load(Array(PluginTestAPI.stub().utf8), chunkName: "@meta/limber_test.lua"))
    }

    @Test func testStubDocumentsExactlyWhatTheRuntimeInstalls() throws {
        let folder = try TemporaryFolder()
        let session = try TestSession(paths: LimberPaths(home: folder.url), memoryLimit: 0, timeZone: .current)
        let installedFunctions = session.globals.filter { if case .function = $0.value { true } else { false } }.keys.sorted()
        let installedTables = session.globals.filter { $0.value.tableValue != nil }.keys.sorted()
        let documented = PluginTestAPI.functions.map(\.path)
        #expect(installedFunctions == documented.filter { !$0.contains(".") }.sorted())
        #expect(installedTables == PluginTestAPI.tables.map(\.name).sorted())
        let listing = try session.host.lua.call(
            try session.host.lua.load(
                Array(
                    """
                    local function keys(t)
                      local out = {}
                      for k in pairs(t) do out[#out + 1] = k end
                      table.sort(out)
                      return table.concat(out, " ")
                    end
                    local tables = {}
                    for _, name in ipairs({ ... }) do tables[#tables + 1] = name .. ": " .. keys(_G[name]) end
                    return table.concat(tables, "; "), keys(expect(1))
                    """.utf8), chunkName: "=keys"),
            installedTables.map { .string($0) })
        let expectedTables = installedTables.map { name in
            name + ": "
                + documented.filter { $0.hasPrefix(name + ".") }.map { String($0.dropFirst(name.count + 1)) }.sorted().joined(
                    separator: " ")
        }.joined(separator: "; ")
        #expect(listing[0].stringValue == expectedTables)
        let matchers = PluginTestAPI.classes.first { $0.name == "limber.test.Expectation" }?.fields.map(\.name) ?? []
        #expect(listing[1].stringValue == matchers.sorted().joined(separator: " "))
    }

    @Test func stubIsValidLuaThatDeclaresEveryFunction() throws {
        let lua = try LuaState()
        let chunk = try lua.load(Array(LuaLSStub.render().utf8), chunkName: "@meta/limber.lua")
        try lua.call(chunk)
        let paths = HostAPI.functions.map { LuaValue.string($0.path) }
        let result = try lua.call(
            try lua.load(
                Array(
                    """
                    local missing = {}
                    for _, path in ipairs(...) do
                      local value = limber
                      for part in path:gmatch('[^.]+') do value = type(value) == 'table' and value[part] or nil end
                      if type(value) ~= 'function' then missing[#missing + 1] = path end
                    end
                    return missing
                    """.utf8), chunkName: "=check"), [.table(LuaTable(array: paths))])
        #expect(result.first == .table(LuaTable()))
        #expect(!paths.isEmpty)
    }

    @Test func everyNamespaceFunctionAndClassIsDocumented() {
        let stub = LuaLSStub.render()
        #expect(stub.hasPrefix("---@meta"))
        for namespace in HostAPI.namespaces {
            #expect(stub.contains("---@class limber.\(namespace.name)\nlimber.\(namespace.name) = {}\n"))
        }
        for function in HostAPI.functions {
            #expect(stub.contains("---\(function.summary)\n"), "\(function.path) has no summary in the stub")
            #expect(
                stub.contains("function limber.\(function.path)(\(function.parameters.map(\.name).joined(separator: ", "))) end"))
        }
        for type in HostAPI.classes {
            #expect(stub.contains("---@class \(type.name)\n"))
            for field in type.fields { #expect(stub.contains("---@field \(field.name)")) }
        }
    }

    @Test func optionalTypesBecomeOptionalNamesUnlessTheQuestionMarkIsAResults() {
        #expect(LuaLSStub.optionalForm("string") == (false, "string"))
        #expect(LuaLSStub.optionalForm("string[]?") == (true, "string[]"))
        #expect(LuaLSStub.optionalForm("'a'|'b'?") == (true, "'a'|'b'"))
        #expect(LuaLSStub.optionalForm("(fun(ctx: limber.Ctx): boolean)?") == (true, "fun(ctx: limber.Ctx): boolean"))
        #expect(LuaLSStub.optionalForm("fun(): string?") == (false, "fun(): string?"))
        #expect(LuaLSStub.optionalForm("(fun(): string)|(fun(): number)?") == (false, "(fun(): string)|(fun(): number)?"))
    }

    @Test func rendersParametersResultsOptionalsAndNamespaces() {
        let functions = [
            APIFunction(
                "alpha.beta.go", summary: "Goes.\nFar.",
                parameters: [
                    .init("where", "string", "the place"),
                    .init("opts", "{ fast: boolean }?", "options"),
                    .init("hook", "fun(): boolean?", "a callback"),
                    .init("...", "any", "more"),
                ],
                results: [.init("integer", "how far"), .init("string?", "")],
                example: "limber.alpha.beta.go('x')\n-- done"
            ) { _, _ in [] },
            APIFunction("top", summary: "At the top.") { _, _ in [] },
        ]
        let stub = LuaLSStub.render(
            version: 7, namespaces: [APINamespace("gamma", summary: "Gamma things.")], functions: functions,
            classes: [APIClass("limber.Thing", summary: "A thing.", fields: [.init("when", "integer?", "")])])
        #expect(stub.contains("---@class limber\n---@field api_version integer the host API version (7)\n"))
        #expect(stub.contains("---Gamma things.\n---@class limber.gamma\nlimber.gamma = {}\n"))
        // Undeclared namespaces are declared, parents first.
        let alpha = stub.range(of: "limber.alpha = {}")
        let beta = stub.range(of: "limber.alpha.beta = {}")
        #expect(alpha != nil && beta != nil)
        if let alpha, let beta { #expect(alpha.lowerBound < beta.lowerBound) }
        #expect(
            stub.contains(
                """
                ---Goes.
                ---Far.
                ---
                ---```lua
                ---limber.alpha.beta.go('x')
                ----- done
                ---```
                ---@param where string the place
                ---@param opts? { fast: boolean } options
                ---@param hook fun(): boolean? # a callback
                ---@param ... any more
                ---@return integer # how far
                ---@return string?
                function limber.alpha.beta.go(where, opts, hook, ...) end
                """))
        #expect(stub.contains("---At the top.\nfunction limber.top() end\n"))
        #expect(stub.contains("---A thing.\n---@class limber.Thing\n---@field when? integer\n"))
    }
}
