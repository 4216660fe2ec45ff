import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Host functions of the scalar form (arguments read from the Lua stack, one scalar result)
/// behave as those of the values form: the same values and errors, the same phase and budget
/// checks, from the main thread or a coroutine.
@Suite("scalar host calls")
struct ScalarHostCallTests {
    /// A Lua value of every kind, as an expression; strings that look like numbers and numbers
    /// as strings must not be converted, bytes that are not UTF-8 read as the values form reads them.
    static let expressions = [
        "nil", "true", "false", "0", "-7", "1.5", "-0.0", "1e308", "math.huge", "0/0", "math.mininteger", "''", "'x'",
        "'12'", "' 1.5 '", "'0x10'", "'\\255ok\\0z'", "{}", "{ 1 }", "print", "io.stdout", "coroutine.create(print)",
        "setmetatable({}, { __tostring = function() error('must not run') end })",
    ]

    /// An error that is not a `LuaError`.
    private struct Foreign: Error, CustomStringConvertible {
        var description: String { "a foreign error" }
    }

    /// Text read by a test's host functions, one slot per form.
    private final class Seen {
        var values: String?
        var scalar: String?
    }

    private func outcome(_ lua: LuaState, _ call: String) throws -> [LuaValue] {
        try lua.run("local ok, r = pcall(\(call)) return ok, tostring(r), math.type(r)", chunkName: "=t")
    }

    /// The error a chunk raises (a helper, not a typed catch pattern, for the compiler's sake).
    private func raised(_ lua: LuaState, _ source: String) -> LuaError? {
        do {
            try lua.run(source, chunkName: "=t")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: expressions)
    func aNumberArgumentReadsAsInTheValuesForm(expression: String) throws {
        let lua = try LuaState()
        try lua.setGlobal("values", .function(.host(HostFunction("values") { call in [.number(try call.number(2, "x"))] })))
        try lua.setGlobal(
            "scalar", .function(.host(HostFunction.scalar("scalar") { arguments in .number(try arguments.number(2, "x")) })))
        for arguments in ["'a', \(expression)", "'a', \(expression), 'more'", "nil, \(expression)"] {
            let expected = try outcome(lua, "values, \(arguments)")
            #expect(try outcome(lua, "scalar, \(arguments)") == expected, "\(arguments)")
        }
        #expect(try outcome(lua, "scalar, 'a'") == [false, "bad argument #2 'x' (number expected, got nil)", .nil])
    }

    @Test(arguments: expressions)
    func aStringArgumentReadsAsInTheValuesForm(expression: String) throws {
        let lua = try LuaState()
        let seen = Seen()
        try lua.setGlobal(
            "values",
            .function(
                .host(
                    HostFunction("values") { call in
                        seen.values = try call.string(2, "name")
                        return [true]
                    })))
        try lua.setGlobal(
            "scalar",
            .function(
                .host(
                    HostFunction.scalar("scalar") { arguments in
                        seen.scalar = try arguments.string(2, "name")
                        return .boolean(true)
                    })))
        let expected = try outcome(lua, "values, 'a', \(expression)")
        #expect(try outcome(lua, "scalar, 'a', \(expression)") == expected)
        #expect(seen.scalar == seen.values)
        #expect(try outcome(lua, "scalar") == [false, "bad argument #2 'name' (string expected, got nil)", .nil])
    }

    @Test func typeNamesAndNilsOfEveryPosition() throws {
        let lua = try LuaState()
        try lua.setGlobal(
            "kinds",
            .function(
                .host(
                    HostFunction.scalar("kinds") { arguments in
                        let names = (0...arguments.count + 1).map {
                            arguments.typeName($0) + (arguments.isNil($0) ? "?" : "")
                        }
                        throw LuaError.conversion(names.joined(separator: " "))
                    })))
        let outcome = try lua.run(
            "return select(2, pcall(kinds, 1, nil, 'x', {}, print, io.stdout, coroutine.create(print), true))", chunkName: "=t")
        #expect(outcome == ["nil? number nil? string table function userdata thread boolean nil?"])
    }

    @Test func eachResultKeepsItsValueTypeAndCount() throws {
        let results: [(LuaScalar, String)] = [
            (.nothing, "0"), (.nil, "1 nil nil"), (.boolean(true), "1 boolean true"), (.boolean(false), "1 boolean false"),
            (.integer(.min), "1 integer -9223372036854775808"), (.integer(.max), "1 integer 9223372036854775807"),
            (.number(-0.0), "1 float -0.0"), (.number(.infinity), "1 float inf"), (.number(1.5), "1 float 1.5"),
            (.number(.nan), "1 float nan"),
        ]
        for (result, expected) in results {
            let lua = try LuaState()
            try lua.setGlobal("f", .function(.host(HostFunction.scalar("f") { _ in result })))
            let described = try lua.run(
                """
                local n = select('#', f())
                if n == 0 then return '0' end
                local v = f()
                local text = v ~= v and 'nan' or tostring(v)
                return n .. ' ' .. (math.type(v) or type(v)) .. ' ' .. text:gsub('^%-nan', 'nan')
                """, chunkName: "=t")
            #expect(described == [.string(expected)], "\(result)")
        }
    }

    @Test func aThrownErrorIsALuaErrorWithItsMessageAndTheStateGoesOn() throws {
        let lua = try LuaState()
        try lua.setGlobal("boom", .function(.host(HostFunction.scalar("boom") { _ in throw LuaError.conversion("it broke") })))
        try lua.setGlobal("other", .function(.host(HostFunction.scalar("other") { _ in throw Foreign() })))
        #expect(try lua.run("return pcall(boom)", chunkName: "=t") == [false, "it broke"])
        let thrown = try #require(raised(lua, "local x = 1\nboom(x)"))
        #expect(thrown.message == "t:2: it broke")
        let foreign = try #require(raised(lua, "other()"))
        #expect(foreign.message == "t:1: a foreign error")
        // a loop of failing calls, caught each time, leaves nothing behind on the stack
        #expect(
            try lua.run("local n = 0 for i = 1, 10000 do if not pcall(boom, i) then n = n + 1 end end return n", chunkName: "=t")
                == [10000])
        #expect(try lua.run("return 1 + 1", chunkName: "=t") == [2])
    }

    @Test func scalarResultsArriveWhenLuaMemoryIsFull() throws {
        let lua = try LuaState(memoryLimit: 4 << 20)
        try lua.setGlobal(
            "n", .function(.host(HostFunction.scalar("n") { arguments in .number(try arguments.number(1, "x") * 2) })))
        let outcome = try lua.run(
            """
            hoard = {}
            pcall(function() while true do hoard[#hoard + 1] = string.rep('z', 4000) .. #hoard end end)
            local ok, a = pcall(n, 21)
            return ok, a
            """, chunkName: "=t")
        #expect(outcome == [true, 42.0])
    }

    @Test func coroutinesCallScalarFunctionsWithTheirOwnStacks() throws {
        let lua = try LuaState()
        try lua.setGlobal(
            "add",
            .function(
                .host(
                    HostFunction.scalar("add") { arguments in .number(try arguments.number(1, "a") + arguments.number(2, "b")) }
                )
            ))
        try lua.setGlobal(
            "last",
            .function(.host(HostFunction.scalar("last") { arguments in .number(try arguments.number(arguments.count, "x")) })))
        let outcome = try lua.run(
            """
            local co = coroutine.wrap(function(a)
              local got = {}
              for i = 1, 3 do
                got[#got + 1] = add(i, a)
                a = coroutine.yield(#got)
              end
              local many = {}
              for i = 1, 250 do many[i] = i * 2 end
              got[#got + 1] = last(table.unpack(many))
              return table.concat(got, ',')
            end)
            local steps = { co(10), co(20), co(30) }
            return table.concat(steps, ','), co(40), pcall(coroutine.wrap(function() return add(1, 'x') end))
            """, chunkName: "=t")
        #expect(outcome == ["1,2,3", "11.0,22.0,33.0,500.0", false, "t:13: bad argument #2 'b' (number expected, got string)"])
    }

    // MARK: The API's functions of the scalar form

    private func host() throws -> (LimberHost, TemporaryFolder) {
        let folder = try TemporaryFolder()
        return (try LimberHost(paths: LimberPaths(home: folder.url)), folder)
    }

    @Test(arguments: [
        ("limber.timer.sleep('1')", "limber.timer.sleep: bad argument #1 'seconds' (number expected, got string)"),
        ("limber.timer.sleep()", "limber.timer.sleep: bad argument #1 'seconds' (number expected, got nil)"),
        ("limber.notify()", "limber.notify: bad argument #1 'message' (string expected, got nil)"),
        ("limber.notify(42)", "limber.notify: bad argument #1 'message' (string expected, got number)"),
        ("limber.cue({})", "limber.cue: bad argument #1 'name' (string expected, got table)"),
        ("limber.cue('bell')", "limber.cue: unknown cue 'bell' (cues: \(CueSound.names))"),
    ])
    func apiFunctionsNameTheirBadArguments(call: String, message: String) throws {
        let (host, _) = try host()
        let error = try #require(raised(host.lua, "local x = 1\n\(call)"))
        #expect(error.message == "t:2: \(message)")
        #expect(
            try host.lua.run("return select(2, pcall(function() \(call) end))", chunkName: "=t") == [.string("t:1: \(message)")])
    }

    @Test func limberNowIsTheLogsClockAsAFloat() throws {
        let (host, _) = try host()
        host.sessionLog.now = { Date(timeIntervalSince1970: 1_750_000_000.25) }
        #expect(try host.lua.run("return limber.now(), math.type(limber.now())", chunkName: "=t") == [1_750_000_000.25, "float"])
        host.sessionLog.now = { Date() }
        let before = Date().timeIntervalSince1970
        let now = try #require(try host.lua.run("return limber.now()", chunkName: "=t").first?.doubleValue)
        #expect(now >= before - 1 && now <= Date().timeIntervalSince1970 + 1)
    }

    @Test func notifySleepAndCueDoTheirWork() throws {
        let (host, _) = try host()
        var sent: [String] = []
        host.reminders.notify = { sent.append($0) }
        var played: [String] = []
        host.sessions.cuePlayer = { name in
            played.append(name)
            return true
        }
        let outcome = try host.lua.run(
            "return select('#', limber.notify('hello \\255')), limber.timer.sleep(0), limber.cue('halfway')", chunkName: "=t")
        #expect(outcome == [0, .nil, true])
        #expect(sent == ["hello \u{FFFD}"])
        #expect(played == ["halfway"])
    }

    @Test(arguments: ["limber.timer.sleep(0)", "limber.notify('x')"])
    func theActingFunctionsAreRefusedWhileAPluginLoadsOrDescribes(call: String) throws {
        let name = String(call.prefix { $0 != "(" })
        let (report, host) = try loadPlugin("local t = limber.now()\n\(call)")
        #expect(
            failure(report)?.contains("probe.lua:2: \(name) cannot run while a plugin loads (loading only defines things)")
                == true)
        let refused = try host.during(.describe) { () throws(LuaError) -> LuaError? in raised(host.lua, call) }
        #expect(
            refused?.message
                == "t:1: \(name) cannot run in a reminder's due or message or a progression's adjust (they only read)")
        #expect(
            try host.during(.describe) { () throws(LuaError) in try host.lua.run("return math.type(limber.now())") } == ["float"])
    }

    @Test(arguments: [
        "while true do limber.now() end", "while true do pcall(limber.timer.sleep, 'x') end",
        "while true do pcall(limber.notify) end",
    ])
    func aBudgetStopsALoopOfScalarHostCalls(source: String) throws {
        let (report, host) = try loadPlugin(source, cpuLimit: 0.1)
        let message = try #require(failure(report))
        #expect(message.contains("probe.lua:1: stopped after 0.1 s of CPU time"), "\(message)")
        #expect(try host.lua.run("return math.type(limber.now())", chunkName: "=t") == ["float"])
    }

    @Test func aCallAfterTheHostHasGoneIsAnErrorNotACrash() throws {
        var host: LimberHost? = try host().0
        let lua = try #require(host?.lua)
        let now = try lua.run("return limber.now", chunkName: "=t")
        try lua.setGlobal("now", try #require(now.first))
        host = nil
        let error = try #require(raised(lua, "now()"))
        #expect(error.message == "t:1: limber.now: the limber host has shut down")
    }
}
