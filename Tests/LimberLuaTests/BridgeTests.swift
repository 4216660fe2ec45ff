import Testing

@testable import LimberLua

@Suite("Swift ↔ Lua bridge")
struct BridgeTests {
    @Test func valuesRoundTripBothWays() throws {
        let lua = try LuaState()
        let echo = HostFunction("echo") { call in call.arguments }
        try lua.setGlobal("echo", .function(.host(echo)))
        let bytes: [UInt8] = [0, 0xFF, 0x41, 0xC3]
        let input: [LuaValue] = [
            .nil, true, 42, .integer(Int64.max), 1.5, .string(LuaString(bytes: bytes)),
            [1, 2, [3, "x"]], ["name": "cat-cow", "nested": ["deep": ["deeper": 1]]],
        ]
        let function = try lua.load(Array("return echo(...)".utf8), chunkName: "=test")
        let output = try lua.call(function, input)
        #expect(output == input)
        #expect(output[2] == .integer(42))
        if case .number = output[2] { Issue.record("an integer came back as a float") }
        if case .integer = output[4] { Issue.record("a float came back as an integer") }
        #expect(output[5] == .string(LuaString(bytes: bytes)))
    }

    @Test func luaTypesArriveAsTheirSwiftCases() throws {
        let lua = try LuaState()
        let values = try lua.run("return 3, 3.0, 'é', {10, 20}, {a = 1}, print", chunkName: "=t")
        #expect(values[0] == .integer(3))
        guard case .number(let float) = values[1] else { Issue.record("3.0 is a float"); return }
        #expect(float == 3.0)
        #expect(values[2].stringValue == "é")
        #expect(try values[3].tableValue?.array() == [10, 20])
        #expect(values[4].tableValue?["a"] == .integer(1))
        guard case .function(.lua) = values[5] else { Issue.record("print is a function"); return }
    }

    @Test func holeyOrMixedTablesAreNotArrays() throws {
        let lua = try LuaState()
        let values = try lua.run("return {1, nil, 3}, {1, 2, x = 3}, {}", chunkName: "=t")
        #expect(throws: LuaError.self) { try values[0].tableValue?.array() }
        do {
            _ = try values[0].tableValue?.array()
        } catch {
            #expect(error.message.contains("hole"))
        }
        do {
            _ = try values[1].tableValue?.array()
            Issue.record("a mixed table must not convert to an array")
        } catch {
            #expect(error.message.contains("'x'"))
        }
        #expect(try values[2].tableValue?.array() == [])
    }

    @Test func hostErrorsAreLuaErrorsCatchableByPcall() throws {
        let lua = try LuaState()
        struct Refused: Error, CustomStringConvertible { var description: String { "refused: bad input" } }
        try lua.setGlobal("fail", .function(.host(HostFunction("fail") { _ in throw Refused() })))
        let results = try lua.run(
            """
            local ok, err = pcall(function() fail() end)
            return ok, err
            """, chunkName: "@scripts/check.lua")
        #expect(results[0] == false)
        #expect(results[1].stringValue == "scripts/check.lua:1: refused: bad input")
    }

    @Test func uncaughtErrorsReadFileLineMessageWithATraceback() throws {
        let lua = try LuaState()
        do {
            try lua.run("local x = 1\nerror('boom')", chunkName: "@plugins/demo.lua")
            Issue.record("error expected")
        } catch {
            #expect(error.message == "plugins/demo.lua:2: boom")
            #expect(error.traceback?.hasPrefix("stack traceback:") == true)
        }
    }

    @Test func syntaxErrorsNameFileAndLine() throws {
        let lua = try LuaState()
        #expect(throws: LuaError.syntax("plugins/bad.lua:2: unexpected symbol near '='")) {
            try lua.run("local a = 1\n= 2", chunkName: "@plugins/bad.lua")
        }
    }

    @Test func binaryChunksAreRefused() throws {
        let lua = try LuaState()
        let results = try lua.run(
            "local f = string.dump(function() return 1 end)\nreturn load(f, 'x', 'b') ~= nil, f",
            chunkName: "=t")
        guard case .string(let binary) = results[1] else { Issue.record("dump gives a string"); return }
        #expect(throws: LuaError.self) { try lua.load(binary.bytes, chunkName: "=binary") }
        do {
            _ = try lua.load(binary.bytes, chunkName: "=binary")
        } catch {
            #expect(error.message.contains("binary"))
        }
    }

    @Test func objectsAreReleasedWhenLuaCollectsThem() throws {
        final class Tracked {
            nonisolated(unsafe) static var alive = 0
            init() { Tracked.alive += 1 }
            deinit { Tracked.alive -= 1 }
        }
        let lua = try LuaState()
        try lua.setGlobal("make", .function(.host(HostFunction("make") { _ in [.object(LuaObject(Tracked()))] })))
        try lua.run("holder = make()", chunkName: "=t")
        #expect(Tracked.alive == 1)
        try lua.run("collectgarbage('collect')", chunkName: "=t")
        #expect(Tracked.alive == 1, "still referenced by a global")
        try lua.run("holder = nil; collectgarbage('collect'); collectgarbage('collect')", chunkName: "=t")
        #expect(Tracked.alive == 0)
    }

    @Test func hostFunctionsAreReleasedWithTheirClosures() throws {
        final class Captured {
            nonisolated(unsafe) static var alive = 0
            init() { Captured.alive += 1 }
            deinit { Captured.alive -= 1 }
        }
        let lua = try LuaState()
        do {
            let captured = Captured()
            try lua.setGlobal(
                "f",
                .function(
                    .host(
                        HostFunction("f") { _ in
                            _ = captured; return []
                        })))
        }
        #expect(Captured.alive == 1)
        try lua.run("f = nil; collectgarbage('collect'); collectgarbage('collect')", chunkName: "=t")
        #expect(Captured.alive == 0)
    }

    @Test func objectsComeBackAsTheSameSwiftObject() throws {
        let lua = try LuaState()
        let object = LuaObject(NSObjectLike())
        try lua.setGlobal("thing", .object(object))
        guard case .object(let back) = try lua.global("thing") else { Issue.record("object expected"); return }
        #expect(back === object)
    }

    @Test func callingBackIntoLuaFromSwift() throws {
        let lua = try LuaState()
        try lua.setGlobal(
            "twice",
            .function(
                .host(
                    HostFunction("twice") { call in
                        let first = try call.state.call(call.argument(1), [call.argument(2)])
                        return try call.state.call(call.argument(1), first)
                    })))
        let results = try lua.run("return twice(function(x) return x * 3 end, 2)", chunkName: "=t")
        #expect(results == [18])
    }

    @Test func osExitUnwindsToTheHostWithItsCode() throws {
        let lua = try LuaState()
        #expect(throws: LuaError.exit(3)) {
            try lua.run("pcall(os.exit, 3)\nerror('must not get here')", chunkName: "=t")
        }
        #expect(lua.exitRequest == 3)
    }
}

final class NSObjectLike {}
