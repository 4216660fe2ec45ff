import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Memory is accounted per plugin: the plugin that exhausts its share (or, with others, what
/// plugins may hold together) is the one stopped and named, what it held goes, and the next
/// plugin loads and runs; memory a plugin keeps stays its own.
@Suite("memory shares of plugins")
struct PluginMemoryShareTests {
    /// The Lua limit of these hosts, and what one plugin may hold of it.
    static let limit = 64 << 20
    static let share = 8 << 20

    /// A host with a 64 MiB limit and 8 MiB shares (8 MiB of headroom: plugins may hold 56 MiB
    /// together), with `plugins` (file name to source) loaded in name order.
    func host(_ plugins: [String: String], cpuLimit: Double = 5) throws -> (LimberHost, [PluginReport], TemporaryFolder) {
        let folder = try TemporaryFolder()
        for (name, source) in plugins { try folder.write("plugins/\(name)", source) }
        let host = try LimberHost(paths: LimberPaths(home: folder.url), memoryLimit: Self.limit)
        host.pluginMemoryShare = Self.share
        host.pluginCPULimit = cpuLimit
        let reports = PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")])
        return (host, reports, folder)
    }

    static let next = """
        limber.routine{ id = 'next', name = 'Next', steps = { { exercise = 'childs-pose', hold = 30 } } }
        limber.reminder{ id = 'next', schedule = 'every 30 minutes', message = 'stretch', due = function()
          local t = {} for i = 1, 1000 do t[i] = tostring(i) end return #t == 1000 end }
        """

    @Test(arguments: [
        ("string.rep", "local s = string.rep('x', 16 << 20)"),
        ("table growth", "local t = {}\nfor i = 1, 1e9 do t[i] = i end"),
        ("strings in a table", "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('s', 1000) .. i end"),
        ("coroutines", "local cs = {}\nfor i = 1, 1e9 do cs[i] = coroutine.create(function() end) end"),
        ("closures", "local fs = {}\nfor i = 1, 1e9 do local n = i; fs[i] = function() return n end end"),
        (
            "table.concat",
            "local parts = {}\nfor i = 1, 64 do parts[i] = string.rep('c', 65536) end\nlocal all = {}\nfor i = 1, 1e9 do all[i] = table.concat(parts) .. i end"
        ),
        ("concatenation", "local s = 'x'\nlocal keep = {}\nfor i = 1, 1e9 do s = s .. s; keep[i] = s end"),
        (
            "a coroutine's own heap",
            "local co = coroutine.wrap(function()\nlocal t = {} for i = 1, 1e9 do t[i] = {} end end)\nco()"
        ),
    ])
    func aPluginOverItsShareAtLoadIsNamedAndTheNextLoads(name: String, fill: String) throws {
        let (host, reports, _) = try host(["a-fill.lua": fill, "b-next.lua": Self.next])
        let message = try #require(failure(reports[0]), "\(name): \(reports[0])")
        #expect(message.contains("a-fill.lua"), "\(name): \(message)")
        #expect(message.contains("used more than 8 MiB of memory"), "\(name): \(message)")
        #expect(reports[1].status == .loaded, "\(name): \(reports[1])")
        #expect(host.sessions.routines.get("next") != nil)
        let outcomes = host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState())
        #expect(outcomes.map(\.status) == [.due("stretch")], "\(name): \(outcomes)")
        // What it held went with it.
        #expect(host.memoryUsed(byPlugin: reports[0].plugin.displayPath) < 256 << 10, "\(name)")
        #expect(host.stoppedPlugins.keys.contains(reports[0].plugin.displayPath))
    }

    @Test func catchingTheErrorDoesNotKeepTheMemory() throws {
        // It catches "not enough memory" and goes on to define things with what it hoarded.
        let hog = """
            local hoard = {}
            pcall(function() for i = 1, 1e9 do hoard[i] = string.rep('h', 65536) .. i end end)
            pcall(function() for i = 1, 1e9 do hoard[#hoard + 1] = {} end end)
            limber.routine{ id = 'hog', name = 'Hog', steps = { { exercise = 'childs-pose', hold = 30 } } }
            limber.reminder{ id = 'hog', schedule = 'every 30 minutes', message = 'x', due = function() return #hoard > 0 end }
            """
        let (host, reports, _) = try host(["a-hog.lua": hog, "b-next.lua": Self.next])
        let message = try #require(failure(reports[0]), "\(reports[0])")
        #expect(message.contains("a-hog.lua:") && message.contains("used more than 8 MiB of memory"), "\(message)")
        #expect(host.sessions.routines.get("hog") == nil, "its definitions were rolled back")
        #expect(reports[1].status == .loaded, "\(reports[1])")
        #expect(host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState()).map(\.id) == ["next"])
        #expect(host.memoryUsed(byPlugin: reports[0].plugin.displayPath) < 256 << 10)
    }

    @Test func memoryAPluginKeepsStaysItsOwn() throws {
        // Each reminder's due takes 3 MiB for a moment; the keeper also keeps 6 MiB alive in
        // an upvalue, so its own due goes past its 8 MiB and the other's does not.
        let keeper = """
            local kept = {}
            for i = 1, 6 do kept[i] = string.rep('k', 1 << 20) end
            limber.reminder{ id = 'keeper', schedule = 'every 30 minutes', message = 'keep', due = function()
              local more = string.rep('m', 3 << 20) return #kept + #more > 0 end }
            """
        let light = """
            limber.reminder{ id = 'light', schedule = 'every 30 minutes', message = 'light', due = function()
              local more = string.rep('m', 3 << 20) return #more > 0 end }
            """
        let (host, reports, _) = try host(["a-keeper.lua": keeper, "b-light.lua": light])
        #expect(reports.allSatisfy { $0.status == .loaded }, "\(reports)")
        let keeperPath = reports[0].plugin.displayPath
        let lightPath = reports[1].plugin.displayPath
        #expect(host.memoryUsed(byPlugin: keeperPath) >= 6 << 20)
        #expect(host.memoryUsed(byPlugin: lightPath) < 1 << 20)
        for _ in 1...3 {
            let outcomes = Dictionary(
                uniqueKeysWithValues: host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState()).map {
                    ($0.id, $0.status)
                })
            guard case .failed(let stopped)? = outcomes["keeper"] else { Issue.record("\(outcomes)"); return }
            #expect(stopped.contains("a-keeper.lua") && stopped.contains("8 MiB"), "\(stopped)")
            #expect(outcomes["light"] == .due("light"), "\(outcomes)")
        }
        #expect(host.stoppedPlugins.keys.sorted() == [keeperPath])
        // Still its own, not the host's or the other plugin's.
        #expect(host.memoryUsed(byPlugin: keeperPath) >= 6 << 20)
        #expect(host.memoryUsed(byPlugin: lightPath) < 4 << 20)
    }

    @Test func theAccountsAddUpToWhatLuaHolds() throws {
        let (host, reports, _) = try host([
            "a.lua": "local keep = string.rep('a', 1 << 20)\nlimber.on('step_start', function() return #keep end)",
            "b.lua":
                "local keep = {}\nfor i = 1, 2e4 do keep[i] = { i } end\nlimber.on('step_start', function() return #keep end)",
        ])
        #expect(reports.allSatisfy { $0.status == .loaded }, "\(reports)")
        let plugins = reports.map { host.memoryUsed(byPlugin: $0.plugin.displayPath) }
        #expect(plugins[0] >= 1 << 20 && plugins[0] < 2 << 20, "\(plugins)")
        #expect(plugins[1] >= 1 << 20, "\(plugins)")
        #expect(plugins.reduce(host.lua.memoryUsed(by: nil), +) == host.lua.memoryUsed)
    }

    @Test(arguments: [
        ("due", "due = function() grow() end, message = 'x'"),
        ("message", "due = function() return true end, message = function() grow() end"),
    ])
    func aReminderThatGrowsIsStoppedAndTheOthersAreDelivered(name: String, fields: String) throws {
        let grower = """
            local function grow() local t = {} for i = 1, 1e9 do t[i] = { i } end end
            limber.reminder{ id = 'grow', schedule = 'every 30 minutes', \(fields) }
            limber.reminder{ id = 'later', schedule = 'every 30 minutes', message = 'never' }
            """
        let (host, reports, _) = try host(["a-grow.lua": grower, "b-next.lua": Self.next])
        #expect(reports.allSatisfy { $0.status == .loaded }, "\(reports)")
        let outcomes = Dictionary(
            uniqueKeysWithValues: host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState()).map {
                ($0.id, $0.status)
            })
        guard case .failed(let stopped)? = outcomes["grow"] else { Issue.record("\(name): \(outcomes)"); return }
        #expect(stopped.contains("a-grow.lua") && stopped.contains("used more than 8 MiB of memory"), "\(name): \(stopped)")
        #expect(outcomes["next"] == .due("stretch"), "\(name): \(outcomes)")
        #expect(host.stoppedPlugins.keys.sorted() == [reports[0].plugin.displayPath])
        let again = host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState())
        #expect(again.first { $0.id == "next" }?.status == .due("stretch"))
    }

    @Test func aProgressionThatGrowsIsSkippedAndTheOthersApply() throws {
        let (host, reports, _) = try host([
            "a-routine.lua": """
            limber.routine{ id = 'short', name = 'Short', steps = { { exercise = 'childs-pose', hold = 30 } } }
            limber.progression{ id = 'grow', routine = 'short', describe = 'grows', adjust = function(plan)
              local t = {} for i = 1, 1e9 do t[i] = plan end
            end }
            """,
            "b-longer.lua": """
            limber.progression{ id = 'longer', routine = 'short', describe = '+5 s', adjust = function(plan)
              plan.steps[1].hold = plan.steps[1].hold + 5; return plan, 'more'
            end }
            """,
        ])
        #expect(reports.allSatisfy { $0.status == .loaded }, "\(reports)")
        let routine = try #require(host.sessions.routines.get("short"))
        let result = host.progressed(routine, now: Date())
        #expect(result.problems.count == 1, "\(result.problems)")
        let problem = try #require(result.problems.first)
        #expect(problem.contains("a-routine.lua") && problem.contains("used more than 8 MiB of memory"), "\(problem)")
        #expect(result.routine.steps[0].hold == 35)
    }

    @Test func aHookThatGrowsIsStoppedAndTheHostGoesOn() throws {
        let (host, reports, _) = try host([
            "a-hook.lua":
                "limber.on('step_start', function() local s = '' for i = 1, 1e9 do s = s .. string.rep('g', 65536) end end)"
        ])
        #expect(reports[0].status == .loaded)
        let hook = try #require(host.sessions.hooks.first)
        let error = try #require(
            catching { () throws(LuaError) -> [LuaValue] in try host.callPlugin(hook.function, [], owner: hook.source) })
        #expect(
            error.message.contains("a-hook.lua") && error.message.contains("used more than 8 MiB of memory"), "\(error.message)")
        let refused = try #require(
            catching { () throws(LuaError) -> [LuaValue] in try host.callPlugin(hook.function, [], owner: hook.source) })
        #expect(refused.message.contains("is stopped"), "\(refused.message)")
        #expect(try host.lua.run("return #string.rep('h', 20 << 20)", chunkName: "=host") == [.integer(20 << 20)])
    }

    @Test func manySmallPluginsFillWhatPluginsMayHoldAndTheFailingOneIsNamed() throws {
        // Fourteen plugins keep 5 MiB each, under their share; plugins together may hold 56 MiB.
        var plugins: [String: String] = [:]
        for index in 1...14 {
            plugins[String(format: "p%02d.lua", index)] = """
                local kept = {}
                for i = 1, 5 do kept[i] = string.rep('p', 1 << 20) end
                limber.on('step_start', function() return #kept end)
                """
        }
        plugins["z-small.lua"] = Self.next
        let (host, reports, _) = try host(plugins)
        let failed = reports.filter { failure($0) != nil }
        let loaded = reports.filter { $0.status == .loaded }.map(\.plugin.name)
        #expect(loaded.count >= 7 && loaded.contains("z-small"), "\(loaded)")
        #expect(!failed.isEmpty)
        for report in failed {
            let message = try #require(failure(report))
            #expect(message.contains("\(report.plugin.name).lua"), "named: \(message)")
            #expect(
                message.contains("not enough memory: the plugins' 56 MiB of the 64 MiB Lua memory limit is used up"), "\(message)"
            )
            #expect(host.memoryUsed(byPlugin: report.plugin.displayPath) < 256 << 10)
        }
        // The host's own work still has its headroom: a trusted script that logs a session.
        let logged = try host.lua.run(
            """
            local notes = string.rep('n', 4 << 20)
            limber.log.record{ routine = 'next', exercise = 'childs-pose', hold = 30 }
            return #limber.log.sessions{}, #notes
            """, chunkName: "=host")
        #expect(logged == [.integer(1), .integer(4 << 20)], "\(logged)")
    }

    @Test func aBigErrorNearTheShareIsStillReported() throws {
        // The traceback limber builds for the error is the host's, not charged to the plugin.
        let (_, reports, _) = try host(["a.lua": "local keep = string.rep('k', 1 << 20)\nerror(string.rep('e', 3 << 20))"])
        let message = try #require(failure(reports[0]))
        #expect(message.contains("a.lua:2: eeee"), "\(message.prefix(100))")
        #expect(message.contains("bytes in all"), "\(message.suffix(100))")
        #expect(!message.contains("used more than"), "\(message.suffix(100))")
    }

    @Test func aNestedOwnerOverItsShareStopsOnlyThatOwner() throws {
        let host = try LimberHost(paths: LimberPaths(home: try TemporaryFolder().url), memoryLimit: Self.limit)
        host.pluginMemoryShare = Self.share
        guard
            case .function(let grow) = try host.lua.run(
                "return function() return #string.rep('x', 16 << 20) end", chunkName: "=grow"
            )
            .first ?? .nil,
            case .function(let outer) = try host.lua.run(
                "return function(call, f) local e = call(f); return 'outer went on: ' .. tostring(e) .. #string.rep('o', 1 << 20) end",
                chunkName: "=outer"
            ).first ?? .nil
        else { Issue.record("no functions"); return }
        let call = LuaValue.function(
            .host(
                HostFunction("call") { call in
                    do {
                        return try call.call(call.argument(1), [], cpuLimit: 5, owner: "plugins/inner.lua")
                    } catch {
                        return [.string((error as? LuaError)?.message ?? "\(error)")]
                    }
                }))
        let result = try host.lua.call(.function(outer), [call, .function(grow)], cpuLimit: 5, owner: "plugins/outer.lua")
        let text = try #require(result.first?.stringValue)
        #expect(text.hasPrefix("outer went on: plugins/inner.lua: used more than 8 MiB of memory"), "\(text.prefix(200))")
        #expect(host.lua.stoppedOwners.keys.sorted() == ["plugins/inner.lua"])
    }

    /// The error `body` throws, or nil.
    private func catching(_ body: () throws(LuaError) -> [LuaValue]) -> LuaError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
