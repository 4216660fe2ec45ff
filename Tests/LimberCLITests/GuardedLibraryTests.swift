import Foundation
import LimberTestSupport
import Testing

/// The guarded library functions (table.move, insert, remove, concat, sort, string.rep, the
/// coroutine functions, xpcall) print the same as stock `lua5.4` on the same script.
@Suite("guarded library against stock Lua")
struct GuardedLibraryTests {
    static let script = """
        local out = {}
        local function add(...) for i = 1, select('#', ...) do out[#out + 1] = tostring((select(i, ...))) end end
        local t = { 1, 2, 3, 4, 5 }
        table.move(t, 1, 4, 2); add(table.concat(t, ','))
        t = { 1, 2, 3, 4, 5 }; table.move(t, 2, 5, 1); add(table.concat(t, ','))
        add(table.concat(table.move({ 1, 2 }, 1, 2, 2, { 9 }), ','))
        t = { 'a', 'c' }; table.insert(t, 2, 'b'); table.insert(t, 'd'); add(table.concat(t))
        add(table.remove(t), table.remove(t, 1), table.concat(t), table.remove({}), #t, table.remove(t, #t + 1))
        add(table.concat({ 1, 2, 3 }, '-', 2), table.concat({}, 'x'), table.concat({ 'a' }, ',', 1, 1), table.concat({ 1.5, 2 }, ' '))
        t = { 5, 2, 8, 1, 9, 3 }; table.sort(t); add(table.concat(t, ','))
        table.sort(t, function(a, b) return a > b end); add(table.concat(t, ','))
        add(string.rep('ab', 3, '-'), string.rep('x', 0), string.rep('x', -1), string.rep('', 5), #string.rep('xy', 100))
        for _, call in ipairs {
          function() return table.insert({}, 5, 1) end, function() return table.insert({}, 1, 2, 3) end,
          function() return table.concat({ 1, {} }) end, function() return table.move({}, 1, math.maxinteger, 2) end,
          function() return table.sort({ 3, 'x' }) end, function() return table.sort(nil) end,
          function() return table.remove({}, 5) end, function() return string.rep() end,
          function() return coroutine.resume(1) end, function() return xpcall() end,
          function() return coroutine.wrap(function() error('in wrap') end)() end,
          function() return coroutine.wrap(function() error({}) end)() end,
        } do add(pcall(call)) end
        local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
        add(co(1), co(10))
        local gen = coroutine.create(function() coroutine.yield(1); coroutine.yield(2) end)
        add(coroutine.resume(gen)); add(coroutine.resume(gen)); add(coroutine.resume(gen)); add(coroutine.resume(gen))
        add(coroutine.close(gen), coroutine.status(gen))
        add(xpcall(function() error('x') end, function(m) return 'handled ' .. m end))
        add(xpcall(function(...) return ... end, print, 1, 2))
        local y = coroutine.wrap(function() return xpcall(function() coroutine.yield('in'); return 'out' end, print) end)
        add(y(), y())
        print(table.concat(out, '\\n'))
        """

    @Test func sameOutputAsStockLua() throws {
        let home = try TemporaryFolder()
        let file = try home.write("guards.lua", Self.script)
        let stock = Process()
        stock.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        stock.arguments = ["lua5.4", file.path]
        let pipe = Pipe()
        stock.standardOutput = pipe
        try stock.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stock.waitUntilExit()
        try #require(stock.terminationStatus == 0, "lua5.4 (scripts/deps installs it) ran the script")
        let ours = try LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""]).run(["run", file.path])
        #expect(ours.status == 0, "\(ours.stderr)")
        // Positions name the file the same way; table addresses differ by run.
        func normal(_ text: String) -> String {
            text.replacingOccurrences(of: #"0x[0-9a-f]+"#, with: "0x", options: .regularExpression)
        }
        #expect(normal(ours.stdout) == normal(expected))
    }
}
