import Testing

@testable import LimberLua

/// Results of host functions reach Lua exactly, whichever way the trampoline pushes them:
/// scalars straight from its own stack buffer, anything else through the protected decoder.
@Suite("host call results")
struct HostCallResultTests {
    private func state(returning results: [LuaValue], memoryLimit: Int = 0) throws -> LuaState {
        let lua = try LuaState(memoryLimit: memoryLimit)
        try lua.setGlobal("f", .function(.host(HostFunction("f") { _ in results })))
        return lua
    }

    @Test func scalarResultsKeepTheirValuesTypesAndCount() throws {
        let results: [LuaValue] = [
            .nil, true, false, .integer(Int64.min), .integer(Int64.max), .integer(0), .number(-0.0),
            .number(.infinity), .number(1.5), .number(Double.leastNonzeroMagnitude), .nil,
        ]
        let lua = try state(returning: results)
        let described = try lua.run(
            """
            local t = table.pack(f())
            local out = { tostring(t.n) }
            for i = 1, t.n do out[#out + 1] = (math.type(t[i]) or type(t[i])) .. ':' .. tostring(t[i]) end
            return table.concat(out, ' ')
            """, chunkName: "=t")
        #expect(
            described.first?.stringValue == """
                11 nil:nil boolean:true boolean:false integer:-9223372036854775808 integer:9223372036854775807 \
                integer:0 float:-0.0 float:inf float:1.5 float:4.9406564584125e-324 nil:nil
                """)
        let nan = try state(returning: [.number(.nan)])
        #expect(try nan.run("local x = f() return x ~= x", chunkName: "=t") == [true])
    }

    @Test func manyScalarsPastTheInlineBufferStillArriveInOrder() throws {
        let results = (0..<1000).map { LuaValue.integer(Int64($0) * 3) }
        let lua = try state(returning: results)
        let check = try lua.run(
            """
            local t = table.pack(f())
            for i = 1, t.n do if t[i] ~= (i - 1) * 3 then return 'wrong at ' .. i end end
            return t.n
            """, chunkName: "=t")
        #expect(check == [1000])
    }

    @Test func mixedAndLargeResultsGoThroughTheDecoder() throws {
        let long = String(repeating: "x", count: 100_000)
        let lua = try state(returning: [1, .string(LuaString("short")), ["k": 2], .string(LuaString(long)), 2.5])
        let check = try lua.run(
            """
            local a, b, c, d, e = f()
            return a, b, c.k, #d, e, math.type(a), math.type(e)
            """, chunkName: "=t")
        #expect(check == [1, "short", 2, 100_000, 2.5, "integer", "float"])
    }

    @Test func aStringThatCannotBeAllocatedIsACatchableErrorWhileScalarsStillWork() throws {
        // Larger than the cap itself, so no collection of garbage can make room for it.
        let long = String(repeating: "y", count: 5 << 20)
        let lua = try LuaState(memoryLimit: 4 << 20)
        try lua.setGlobal("big", .function(.host(HostFunction("big") { _ in [.string(LuaString(long))] })))
        try lua.setGlobal("numbers", .function(.host(HostFunction("numbers") { _ in [1, 2.5, true] })))
        // Fill Lua's memory to its cap, keep it full, then ask for a string and for numbers.
        let outcome = try lua.run(
            """
            hoard = {}
            pcall(function() while true do hoard[#hoard + 1] = string.rep('z', 4000) .. #hoard end end)
            local ok, err = pcall(big)
            local ok2, a, b, c = pcall(numbers)
            return ok, tostring(err):find('not enough memory') ~= nil, ok2, a, b, c
            """, chunkName: "=t")
        #expect(outcome == [false, true, true, 1, 2.5, true])
    }
}
