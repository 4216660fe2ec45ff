import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Deferred plugins (`limber run`): none load until the script calls an API function that may
/// depend on them, and then the script sees what it would have seen with them loaded first.
@Suite("deferred plugins")
struct DeferredPluginsTests {
    let home: TemporaryFolder
    let plugins: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
        plugins = try TemporaryFolder()
        try plugins.write(
            "moves.lua",
            """
            limber.catalogue.add{ id = 'plugin-stretch', name = 'Plugin stretch', kind = 'static',
              position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            limber.routine{ id = 'plugin-routine', name = 'Plugin routine', steps = { { exercise = 'plugin-stretch' } } }
            """)
    }

    /// A host whose plugins are deferred; `loads` counts how often the loader ran.
    private func deferredHost(_ loads: Counter) throws -> LimberHost {
        let host = try LimberHost(paths: LimberPaths(home: home.url))
        let folder = plugins.url
        host.deferPlugins { host in
            loads.count += 1
            _ = PluginLoader(host: host).load(folders: [folder])
        }
        return host
    }

    @Test func aScriptThatTouchesNoPluginAPILoadsNoPlugin() throws {
        let loads = Counter()
        let host = try deferredHost(loads)
        let script = try home.write(
            "plain.lua",
            """
            local t = limber.now()
            local n = #limber.log.sessions{ since = '7d' }
            local s = limber.log.streak()
            assert(limber.log.last('plugin-routine') == nil)
            limber.timer.sleep(0)
            for k in pairs(limber.catalogue) do end
            return n, s.current, limber.api_version
            """)
        let results = try host.runScript(at: script.path)
        #expect(results == [0, 0, 1])
        #expect(loads.count == 0)
        #expect(host.pluginsDeferred)
        #expect(host.definitions.isEmpty)
    }

    @Test func thePluginsLoadOnceOnFirstNeedAndTheScriptSeesThem() throws {
        let loads = Counter()
        let host = try deferredHost(loads)
        let script = try home.write(
            "uses.lua",
            """
            local e = limber.catalogue.get('plugin-stretch')
            local again = limber.catalogue.get('plugin-stretch')
            limber.routine{ id = 'script-routine', name = 'Mine', steps = { { exercise = 'plugin-stretch' } } }
            return e.name, again.id
            """)
        let results = try host.runScript(at: script.path)
        #expect(results == ["Plugin stretch", "plugin-stretch"])
        #expect(loads.count == 1)
        #expect(!host.pluginsDeferred)
        #expect(host.definitions == ["exercise:plugin-stretch", "routine:plugin-routine", "routine:script-routine"])
        #expect(host.definitionSource(kind: "routine", id: "script-routine") == script.path, "the script keeps its own source")
        #expect(host.definitionSource(kind: "routine", id: "plugin-routine")?.hasSuffix("moves.lua") == true)
    }

    @Test func aScriptRedefiningAPluginsRoutineMeetsItAsIfLoadedFirst() throws {
        let host = try deferredHost(Counter())
        let script = try home.write(
            "clash.lua",
            """
            limber.routine{ id = 'plugin-routine', name = 'Again', steps = { { exercise = 'cat-cow' } } }
            """)
        #expect {
            try host.runScript(at: script.path)
        } throws: { error in
            "\(error)".contains("plugin-routine") && "\(error)".contains("moves.lua")
        }
    }

    /// Every API function outside the plugin-free list loads the plugins first, so a function
    /// added later cannot miss them by accident; those on the list load none.
    @Test func everyFunctionButThePluginFreeOnesLoadsThePlugins() throws {
        for function in HostAPI.functions {
            let loads = Counter()
            let host = try deferredHost(loads)
            // Arguments are absent or wrong for most functions: the call may fail, after the load.
            _ = try host.lua.run("pcall(limber.\(function.path))", chunkName: "=probe")
            let free = LimberHost.pluginFreeFunctions.contains(function.path)
            #expect(loads.count == (free ? 0 : 1), "limber.\(function.path)")
        }
        let paths = Set(HostAPI.functions.map(\.path))
        #expect(LimberHost.pluginFreeFunctions.isSubset(of: paths), "the list names only real functions")
    }
}

/// How many times something ran.
final class Counter {
    var count = 0
}
