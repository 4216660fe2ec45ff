import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// A spent budget stays spent: whatever catches the stop, the plugin's code cannot run on.
@Suite("sticky budgets")
struct StickyBudgetTests {
    @Test(arguments: [
        ("pcall in a loop", "while true do pcall(function() while true do end end) end", 1),
        (
            "xpcall with a looping handler",
            "while true do xpcall(function() while true do end end, function() while true do end end) end", 1
        ),
        (
            "a fresh coroutine each time",
            "while true do coroutine.resume(coroutine.create(function() while true do end end)) end", 1
        ),
        ("wrapped coroutines under pcall", "while true do pcall(coroutine.wrap(function() while true do end end)) end", 1),
        (
            "an old coroutine resumed after the stop",
            "local old = coroutine.create(function() while true do coroutine.yield() end end)\ncoroutine.resume(old)\nwhile true do pcall(function() while true do end end); coroutine.resume(old) end",
            3
        ),
        (
            "an error object whose __tostring loops",
            "local bad = setmetatable({}, { __tostring = function() while true do end end })\nwhile true do pcall(error, bad); error(bad) end",
            1
        ),
        (
            "an error object whose __index loops",
            "local bad = setmetatable({}, { __index = function() while true do end end })\nwhile true do local ok, e = pcall(function() while true do end end); local _ = bad.x end",
            2
        ),
        (
            "a __close that loops in a dead coroutine",
            "local co = coroutine.wrap(function()\n local x <close> = setmetatable({}, { __close = function() while true do end end })\n while true do end end)\nwhile true do pcall(co) end",
            3
        ),
    ])
    func caughtStopsStillStop(name: String, source: String, line: Int) throws {
        let (report, host) = try loadPlugin(source, cpuLimit: 0.1)
        let message = try #require(failure(report), "\(name)")
        #expect(message.contains("probe.lua:\(line): stopped after 0.1 s of CPU time"), "\(name): \(message)")
        #expect(try host.lua.run("return 1 + 1", chunkName: "=t") == [2], "the host goes on after \(name)")
    }

    @Test func aStoppedPluginsLaterCallsFailAtOnceAndOthersGoOn() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "plugins/a-spin.lua",
            """
            limber.reminder{ id = 'spin', schedule = 'every 30 minutes', due = function() while true do end end, message = 'x' }
            limber.reminder{ id = 'after', schedule = 'every 30 minutes', due = function() limber.catalogue.all(); return true end, message = 'never' }
            limber.on('step_start', function() error('hook ran') end)
            """)
        try folder.write(
            "plugins/b-good.lua",
            """
            limber.reminder{ id = 'good', schedule = 'every 30 minutes', due = function() return true end, message = 'stretch' }
            """)
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        host.pluginCPULimit = 0.1
        let reports = PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")])
        #expect(reports.allSatisfy { $0.status == .loaded }, "\(reports)")
        let outcomes = host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState())
        let byID = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.id, $0.status) })
        guard case .failed(let stopped)? = byID["spin"] else { Issue.record("\(outcomes)"); return }
        #expect(stopped.contains("a-spin.lua:1: stopped after 0.1 s of CPU time"), "\(stopped)")
        guard case .failed(let refused)? = byID["after"] else { Issue.record("\(outcomes)"); return }
        #expect(refused.contains("is stopped") && refused.contains("no longer runs"), "\(refused)")
        #expect(byID["good"] == .due("stretch"))
        // Its hook is refused without running; the stop is the plugin's, not the host's.
        let hook = try #require(host.sessions.hooks.first)
        #expect(throws: LuaError.self) { try host.callPlugin(hook.function, [], owner: hook.source) }
        #expect(host.stoppedPlugins.keys.contains(hook.source))
        #expect(try host.lua.run("return 'fine'", chunkName: "=t") == ["fine"])
    }

    @Test func aProgressionStoppedByItsBudgetIsSkippedAndTheOthersApply() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "plugins/a-routine.lua",
            """
            limber.routine{ id = 'short', name = 'Short', steps = { { exercise = 'childs-pose', hold = 30 } } }
            limber.progression{ id = 'spin', routine = 'short', describe = 'loops', adjust = function(plan)
              while true do pcall(function() while true do end end) end
            end }
            """)
        try folder.write(
            "plugins/b-longer.lua",
            """
            limber.progression{ id = 'longer', routine = 'short', describe = '+5 s', adjust = function(plan)
              plan.steps[1].hold = plan.steps[1].hold + 5; return plan, 'more'
            end }
            """)
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        host.pluginCPULimit = 0.1
        _ = PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")])
        let routine = try #require(host.sessions.routines.get("short"))
        let result = host.progressed(routine, now: Date())
        #expect(result.problems.count == 1 && result.problems[0].contains("stopped after 0.1 s"), "\(result.problems)")
        #expect(result.routine.steps[0].hold == 35)
    }

    @Test func nestedBudgetsStopTheInnerOwnerOnly() throws {
        let host = try LimberHost(paths: LimberPaths(home: try TemporaryFolder().url))
        guard
            case .function(let spin) = try host.lua.run("return function() while true do end end", chunkName: "=spin").first
                ?? .nil,
            case .function(let outer) = try host.lua.run(
                "return function(call, f) local ok, e = call(f); return 'outer went on: ' .. tostring(e) end", chunkName: "=outer"
            ).first ?? .nil
        else { Issue.record("no functions"); return }
        let call = LuaValue.function(
            .host(
                HostFunction("call") { call in
                    do {
                        return try call.call(call.argument(1), [], cpuLimit: 0.1, owner: "plugins/inner.lua")
                    } catch {
                        return [.boolean(false), .string((error as? LuaError)?.message ?? "\(error)")]
                    }
                }))
        let result = try host.lua.call(.function(outer), [call, .function(spin)], cpuLimit: 5, owner: nil)
        #expect(result.first?.stringValue?.contains("outer went on: spin:1: stopped after 0.1 s") == true, "\(result)")
        #expect(host.lua.stoppedOwners.keys.sorted() == ["plugins/inner.lua"])
    }
}
