import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// C functions that loop on plugin input check the budget as they go; finalizers cannot be set.
@Suite("loops in C and finalizers")
struct CLoopGuardTests {
    @Test(arguments: [
        ("table.move over nothing", "table.move({}, 1, math.maxinteger // 2, 2)"),
        (
            "table.insert under a lying __len",
            "local t = setmetatable({}, { __len = function() return math.maxinteger - 1 end })\ntable.insert(t, 1, 'x')"
        ),
        (
            "table.remove under a lying __len",
            "local t = setmetatable({}, { __len = function() return math.maxinteger - 1 end })\ntable.remove(t, 1)"
        ),
        (
            "table.concat through a C __index",
            "local t = setmetatable({}, { __index = rawlen })\ntable.concat(t, '', 1, math.maxinteger)"
        ),
        (
            "table.sort through a C __lt",
            "local e = setmetatable({}, { __lt = rawequal })\nlocal t = setmetatable({}, { __len = function() return 2^31 - 2 end, __index = function() return e end })\ntable.sort(t)"
        ),
        (
            "table.sort with a C comparator",
            "local t = {}\nfor i = 1, 3e5 do t[i] = i % 7 end\nwhile true do table.sort(t, math.ult) end"
        ),
        (
            "collectgarbage on a big heap",
            "local keep = {}\nfor i = 1, 5e5 do keep[i] = { i } end\nwhile true do collectgarbage() end"
        ),
    ])
    func longCLoopsStopWithTheBudget(name: String, source: String) throws {
        let start = Date()
        let (report, _) = try loadPlugin(source, memoryLimit: 256 << 20, cpuLimit: 0.1)
        let message = try #require(failure(report), "\(name)")
        #expect(message.contains("stopped after 0.1 s of CPU time"), "\(name): \(message)")
        #expect(Date().timeIntervalSince(start) < 30, "\(name) was stopped by its budget")
    }

    @Test func stringRepOfNothingReturnsAtOnce() throws {
        let (report, host) = try loadPlugin(
            "assert(string.rep('', math.maxinteger) == '')\nassert(('x'):rep(3, ''):len() == 3)", cpuLimit: 0.1)
        #expect(report.status == .loaded, "\(report)")
        _ = host
    }

    @Test func guardedFunctionsBehaveAsTheStockOnes() throws {
        let host = try LimberHost(paths: LimberPaths(home: try TemporaryFolder().url))
        let results = try host.lua.run(
            """
            local out = {}
            local function add(...) for i = 1, select('#', ...) do out[#out + 1] = tostring((select(i, ...))) end end
            local t = { 1, 2, 3, 4, 5 }
            table.move(t, 1, 4, 2); add(table.concat(t, ','))
            t = { 1, 2, 3, 4, 5 }; table.move(t, 2, 5, 1); add(table.concat(t, ','))
            add(table.concat(table.move({ 1, 2 }, 1, 2, 2, { 9 }), ','))
            t = { 'a', 'c' }; table.insert(t, 2, 'b'); table.insert(t, 'd'); add(table.concat(t))
            add(table.remove(t), table.remove(t, 1), table.concat(t), table.remove({}), #t)
            add(table.concat({ 1, 2, 3 }, '-', 2), table.concat({}, 'x'), table.concat({ 'a' }, ',', 1, 1))
            t = { 5, 2, 8, 1 }; table.sort(t); add(table.concat(t, ','))
            table.sort(t, function(a, b) return a > b end); add(table.concat(t, ','))
            add(string.rep('ab', 3, '-'), string.rep('x', 0), string.rep('x', -1))
            add(select(2, pcall(table.insert, {}, 5, 1)))
            add(select(2, pcall(table.insert, {}, 1, 2, 3)))
            add(select(2, pcall(table.concat, { 1, {} })))
            add(select(2, pcall(table.move, {}, 1, math.maxinteger, 2)))
            add(select(2, pcall(table.sort, { 3, 'x' })))
            add(select(2, pcall(table.sort, nil)))
            return table.concat(out, '|')
            """, chunkName: "=guards")
        #expect(
            results.first?.stringValue
                == [
                    "1,1,2,3,4", "2,3,4,5,5", "9,1,2", "abcd", "d", "a", "bc", "nil", "2", "2-3", "", "a", "1,2,5,8", "8,5,2,1",
                    "ab-ab-ab", "", "", "bad argument #2 to 'table.insert' (position out of bounds)",
                    "wrong number of arguments to 'insert'", "invalid value (table) at index 2 in table for 'concat'",
                    "bad argument #4 to 'table.move' (destination wrap around)", "attempt to compare string with number",
                    "bad argument #1 to 'table.sort' (table expected, got nil)",
                ].joined(separator: "|"))
    }

    @Test(arguments: [
        ("set directly", "setmetatable({}, { __gc = function() limber.notify('gc ran') end })"),
        (
            "as a placeholder",
            "local mt = { __gc = true }\nsetmetatable({}, mt)\nmt.__gc = function() limber.notify('gc ran') end"
        ),
        (
            "added later, then set again",
            "local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__gc = function() limber.notify('gc ran') end\nsetmetatable(t, mt)"
        ),
    ])
    func finalizersAreRefused(name: String, source: String) throws {
        let (report, host) = try loadPlugin(source)
        let message = try #require(failure(report), "\(name)")
        #expect(message.contains("plugins may not set __gc"), "\(name): \(message)")
        _ = host
    }

    @Test func aFinalizerAddedAfterSetmetatableNeverRunsNotEvenAtClose() throws {
        let box = Box()
        do {
            let (report, host) = try loadPlugin(
                """
                local mt = {}
                local keep = setmetatable({}, mt)
                setmetatable({}, mt)
                mt.__gc = function() limber.notify('gc ran') end
                collectgarbage()
                limber.reminder{ id = 'keep', schedule = 'daily 18:00', message = function() return tostring(keep) end }
                """)
            #expect(report.status == .loaded, "\(report)")
            host.reminders.notify = { box.messages.append($0) }
            _ = try host.lua.run("collectgarbage() collectgarbage()", chunkName: "=gc")
        }
        // The host and its state are gone (lua_close ran every finalizer there was).
        #expect(box.messages.isEmpty)
    }

    final class Box: @unchecked Sendable { var messages: [String] = [] }
}
