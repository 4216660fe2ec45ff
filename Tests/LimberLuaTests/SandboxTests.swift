import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Loads one plugin from source into a fresh host and returns the report and the host.
func loadPlugin(
    _ source: String, name: String = "probe", grants: [String] = [], memoryLimit: Int = 64 << 20,
    cpuLimit: Double = 0.3, in folder: TemporaryFolder? = nil
) throws -> (report: PluginReport, host: LimberHost) {
    let folder = try folder ?? TemporaryFolder()
    let entry = try folder.write("\(name).lua", source)
    let host = try LimberHost(paths: LimberPaths(home: folder.url), memoryLimit: memoryLimit)
    host.pluginCPULimit = cpuLimit
    host.config = ConfigFile(config: LimberConfig(grants: [PluginGrant(.path(entry.path), capabilities: grants)]))
    let report = PluginLoader(host: host).load(PluginFile(name: name, entry: entry, moduleFolder: nil))
    return (report, host)
}

func failure(_ report: PluginReport) -> String? {
    if case .failed(let message) = report.status { return message }
    return nil
}

@Suite("plugin sandbox")
struct SandboxTests {
    @Test(arguments: [
        ("io.open('/etc/passwd')", "attempt to index a nil value (global 'io')"),
        ("io.write('x')", "attempt to index a nil value (global 'io')"),
        ("os.execute('true')", "attempt to call a nil value (field 'execute')"),
        ("os.remove('/tmp/x')", "attempt to call a nil value (field 'remove')"),
        ("os.rename('/tmp/x', '/tmp/y')", "attempt to call a nil value (field 'rename')"),
        ("os.exit(3)", "attempt to call a nil value (field 'exit')"),
        ("os.getenv('HOME')", "attempt to call a nil value (field 'getenv')"),
        ("os.tmpname()", "attempt to call a nil value (field 'tmpname')"),
        ("package.loadlib('libc.so.6', 'puts')", "attempt to index a nil value (global 'package')"),
        ("return package.cpath", "attempt to index a nil value (global 'package')"),
        ("debug.getinfo(1)", "attempt to index a nil value (global 'debug')"),
        ("dofile('/etc/hosts')", "attempt to call a nil value (global 'dofile')"),
        ("loadfile('/etc/hosts')", "attempt to call a nil value (global 'loadfile')"),
        ("string.dump(print)", "attempt to call a nil value (field 'dump')"),
        ("('').dump(function() end)", "string.dump is not available to plugins"),
        ("local d = ('').dump; local ok, e = pcall(d, print); error(e)", "string.dump is not available to plugins"),
        ("coroutine.wrap(('').dump)(function() end)", "string.dump is not available to plugins"),
        ("load('\\27Lua', 'x', 'b')", "plugins may load text chunks only (mode 't')"),
        ("getmetatable('').__index = {}", "attempt to index a string value"),
        ("setmetatable(_G, nil)", "cannot change a protected metatable"),
        ("collectgarbage('stop')", "collectgarbage('stop') is not available to plugins"),
    ])
    func escapeIsRefused(code: String, message: String) throws {
        let (report, _) = try loadPlugin(code)
        let error = try #require(failure(report), "\(code) must fail")
        #expect(error.contains("probe.lua:1:"), "\(error)")
        #expect(error.contains(message), "\(code): \(error)")
    }

    @Test func loadIsTextOnlyAndRunsInThePluginsOwnEnvironment() throws {
        let (report, host) = try loadPlugin(
            """
            local f = load("marker = 1")
            local ok, err = pcall(f)
            assert(not ok and err:find("undeclared global 'marker'"), err)
            local g = assert(load("return type(io), type(limber)"))
            local io_type, limber_type = g()
            assert(io_type == "nil" and limber_type == "userdata", io_type .. limber_type)
            local binary_ok = pcall(load, "\\27Lua...")
            local compiled, why = load("\\27LuaT\\0")
            assert(compiled == nil and why:find("binary"), why)
            """)
        #expect(report.status == .loaded, "\(report)")
        #expect(try host.lua.global("marker") == .nil)
    }

    @Test func theRealStringLibraryIsOutOfReach() throws {
        let folder = try TemporaryFolder()
        _ = try loadPlugin("string.upper = function() return 'pwned' end", name: "first", in: folder)
        let (report, host) = try loadPlugin(
            "assert(('a'):upper() == 'A' and string.upper('a') == 'A')", name: "second", in: folder)
        #expect(report.status == .loaded, "\(report)")
        let upper = try host.lua.run("return ('b'):upper()", chunkName: "=t")
        #expect(upper == ["B"])
    }

    @Test func grantsOpenWhatTheUserAllowed() throws {
        let source = "-- needs: env\nassert(os.getenv('HOME'))\n"
        let (denied, _) = try loadPlugin(source)
        #expect(failure(denied)?.contains("field 'getenv'") == true)
        #expect(denied.needs == ["env"] && denied.granted.isEmpty)
        let (allowed, _) = try loadPlugin(source, grants: ["env"])
        #expect(allowed.status == .loaded, "\(allowed)")
        #expect(allowed.granted == ["env"])
    }
}

@Suite("plugin limits", .serialized)
struct PluginLimitTests {
    @Test func runawayLoopIsStoppedAndTheHostStillAnswers() throws {
        let start = Date()
        let (report, host) = try loadPlugin("local n = 0\nwhile true do n = n + 1 end", cpuLimit: 0.3)
        #expect(Date().timeIntervalSince(start) < 10, "stopped by the budget, not by the test timing out")
        #expect(failure(report)?.contains("stopped after 0.3 s of CPU time") == true, "\(report)")
        #expect(try host.lua.run("return 1 + 1", chunkName: "=t") == [2])
    }

    @Test func runawayLoopInACoroutineIsStoppedToo() throws {
        let (report, _) = try loadPlugin(
            "local co = coroutine.wrap(function() while true do end end)\nco()", cpuLimit: 0.3)
        #expect(failure(report)?.contains("stopped after 0.3 s of CPU time") == true, "\(report)")
    }

    @Test func memoryBombsAreStoppedByTheCap() throws {
        // Lua refuses a string this large before allocating anything.
        let (absurd, _) = try loadPlugin("local s = string.rep('x', 2^40)", memoryLimit: 32 << 20)
        #expect(failure(absurd)?.contains("probe.lua:1: resulting string too large") == true, "\(absurd)")

        let (huge, host) = try loadPlugin("local s = string.rep('x', 2^30)", memoryLimit: 32 << 20)
        #expect(failure(huge)?.contains("not enough memory") == true, "\(huge)")
        #expect(failure(huge)?.contains("32 MiB") == true, "\(huge)")
        #expect(try host.lua.run("return #string.rep('y', 1000)", chunkName: "=t") == [1000])

        let (growing, other) = try loadPlugin(
            "local t = {}\nlocal i = 0\nwhile true do i = i + 1; t[i] = { i, tostring(i) } end",
            memoryLimit: 32 << 20, cpuLimit: 10)
        #expect(failure(growing)?.contains("not enough memory") == true, "\(growing)")
        #expect(try other.lua.run("collectgarbage() return 'still here'", chunkName: "=t") == ["still here"])
    }

    @Test func deepRecursionIsAClearError() throws {
        // Lua's deepest stack and its frames come to about 64 MiB, more than plugins may hold
        // of a 64 MiB limit (the host keeps an eighth); the CLI's 512 MiB has room.
        let (report, host) = try loadPlugin(
            "local function dive(n) return 1 + dive(n + 1) end\ndive(1)", memoryLimit: 128 << 20, cpuLimit: 10)
        let message = try #require(failure(report))
        #expect(message.contains("probe.lua:1: stack overflow"), "\(message)")
        #expect(try host.lua.run("return 'fine'", chunkName: "=t") == ["fine"])
    }
}
