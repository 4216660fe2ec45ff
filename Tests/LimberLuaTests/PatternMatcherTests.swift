import Foundation
import LimberTestSupport
import Testing

@testable import LimberLua

/// Backtracking patterns stop within the CPU budget in every pattern function, however called.
@Suite("pattern matcher under a CPU budget")
struct PatternMatcherTests {
    /// Each would run for ages under stock Lua (the count hook never fires inside one C call).
    static let hostile: [(name: String, code: String)] = [
        ("find", #"string.rep("a", 5000):find(string.rep(".-", 20) .. "b")"#),
        ("gsub", #"("x"):rep(30000):gsub(".-.-.-y", "")"#),
        ("gmatch", #"for _ in ("ab"):rep(3000):gmatch("(.-)%1x") do end"#),
        ("match", #"string.match(string.rep("a", 5000), string.rep("a*", 20) .. "b")"#),
        ("match with captures", #"("ab"):rep(4000):match(("(.-)"):rep(12) .. "%1%2x")"#),
        ("balanced", #"string.find(string.rep("(", 300000), "%b()")"#),
        ("back-reference", #"string.find(string.rep("a", 200000), "(.*)%1b")"#),
        ("gsub with a function", #"string.gsub(("ab"):rep(3000), ("(.-)"):rep(10) .. "c", print)"#),
        ("copied function", #"local find = string.find; find(string.rep("a", 5000), (".-"):rep(20) .. "b")"#),
    ]

    @Test(arguments: hostile.map(\.name))
    func backtrackingStopsAPluginWithFileAndLine(name: String) throws {
        let code = try #require(Self.hostile.first { $0.name == name }?.code)
        let (report, _) = try loadPlugin("local x = 1\n" + code + "\n", cpuLimit: 0.3)
        let message = try #require(failure(report), "\(name) must be stopped")
        #expect(message.contains("probe.lua:2: stopped after 0.3 s of CPU time"), "\(name): \(message)")
    }

    @Test func aStopStaysRaisedForEveryLaterMatcherCall() throws {
        // Either the matcher refuses each later call at once, or the count hook stops the loop
        // between them; an ordinary find must never succeed again, and nothing may hang.
        let (report, _) = try loadPlugin(
            """
            local s, p = string.rep("a", 5000), string.rep(".-", 20) .. "b"
            local stops = 0
            for _ = 1, 40 do
              local ok, err = pcall(s.find, s, p)
              if not ok and err:find("stopped after", 1, true) then stops = stops + 1 end
            end
            local ok, err = pcall(string.find, "abc", "b")
            local gok, gerr = pcall(string.gsub, "abc", "b", "x")
            error(string.format("stops %d; then %s %s; %s %s", stops, ok, err, gok, gerr), 0)
            """, cpuLimit: 0.3)
        let message = try #require(failure(report))
        #expect(!message.contains("true"), "\(message)")
        let refusedEach =
            message.hasPrefix("stops 40; then false")
            && message.components(separatedBy: "stopped after 0.3 s of CPU time").count == 3
        let hookStopped = message.contains("probe.lua:") && message.contains("stopped after 0.3 s of CPU time")
        #expect(refusedEach || hookStopped, "\(message)")
    }

    /// The error `body` threw, or nil when it returned.
    static func stop(_ body: () throws(LuaError) -> [LuaValue]) -> LuaError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func aStopCaughtByPcallStillEndsTheCallAtTheCallersLine() throws {
        let lua = try LuaState()
        let error = try #require(
            Self.stop { () throws(LuaError) -> [LuaValue] in
                try lua.run(
                    """
                    local ok, err = pcall(function()
                      return ("x"):rep(30000):gsub(".-.-.-y", "")
                    end)
                    caught = true
                    return ok, err
                    """, chunkName: "@budget.lua", cpuLimit: 0.2)
            })
        // Budgets stay spent (hooks.c): the pcall gets the stop, and so does the whole call.
        #expect(error.message == "budget.lua:2: stopped after 0.2 s of CPU time (an endless loop?)")
        #expect(try lua.global("caught") == .nil, "no code runs after the stop")
    }

    @Test func anIteratorMadeBeforeTheStopDoesNotRunAfterIt() throws {
        let lua = try LuaState()
        let error = try #require(
            Self.stop { () throws(LuaError) -> [LuaValue] in
                try lua.run(
                    """
                    local words = ("a b c"):gmatch("%a")
                    first = words()
                    local ok = pcall(string.find, string.rep("a", 5000), string.rep(".-", 20) .. "b")
                    after = { pcall(words) }
                    """, chunkName: "@iter.lua", cpuLimit: 0.2)
            })
        #expect(error.message.contains("iter.lua:3: stopped after 0.2 s of CPU time"), "\(error.message)")
        #expect(try lua.global("first") == .string("a"))
        #expect(try lua.global("after") == .nil, "the iterator must not go on")
    }

    @Test func ordinaryPatternsWorkInAPlugin() throws {
        let (report, _) = try loadPlugin(
            """
            local s = "hold=30, reps=8"
            assert(s:find("reps") == 10)
            assert(select(3, s:find("(%w+)=(%d+)")) == "hold")
            assert(string.match("  cat-cow  ", "^%s*(.-)%s*$") == "cat-cow")
            local keys = {}
            for k, v in s:gmatch("(%w+)=(%w+)") do keys[#keys + 1] = k .. ":" .. v end
            assert(table.concat(keys, ",") == "hold:30,reps:8")
            local out, n = s:gsub("%d+", function(d) return tostring(d * 2) end)
            assert(out == "hold=60, reps=16" and n == 2, out)
            assert(("a.b"):gsub("%.", "/") == "a/b")
            assert(not pcall(string.find, "x", "[x"))
            """)
        #expect(report.status == .loaded, "\(report.status)")
    }

    @Test func trustedScriptsRunPatternsWithoutABudget() throws {
        let home = try TemporaryFolder()
        let script = try home.write(
            "patterns.lua",
            """
            local line = "knee-to-chest 30s x2"
            print(line:match("^(%S+)%s+(%d+)s"))
            print(line:gsub("%s+", "_"))
            for word in line:gmatch("%a+") do io.write(word, ";") end
            print()
            print(pcall(string.gsub, "x", "x", "%2"))
            -- many thousand steps, more than one look at the clock: finishes, as in stock Lua
            print(string.rep("a", 60):find(string.rep("a-", 3) .. "b"))
            """)
        let result = try LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""]).run(["run", script.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                knee-to-chest\t30
                knee-to-chest_30s_x2\t2
                knee;to;chest;s;x;
                false\tinvalid capture index %2
                nil

                """)
    }
}
