import Foundation
import LimberTestSupport
import Testing

/// Every shipped plugin comes with tests, and they pass.
@Suite("shipped plugin tests", .serialized)
struct ShippedPluginTestsTests {
    /// The shipped plugins: `plugins/x.lua` and `plugins/x/init.lua`, by name.
    static func shippedPlugins() throws -> [String] {
        let folder = Repository.url("plugins")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            if name.hasSuffix("_test.lua") || name.hasPrefix(".") { return nil }
            if name.hasSuffix(".lua") { return String(name.dropLast(4)) }
            let entry = folder.appendingPathComponent(name).appendingPathComponent("init.lua")
            return FileManager.default.fileExists(atPath: entry.path) ? name : nil
        }
    }

    @Test func everyShippedPluginHasTests() throws {
        let files = FileManager.default
        let plugins = try Self.shippedPlugins()
        try #require(plugins.count >= 5, "the shipped plugins are missing: \(plugins)")
        for plugin in plugins {
            let beside = Repository.url("plugins/\(plugin)_test.lua")
            let inside = (try? files.contentsOfDirectory(atPath: Repository.url("plugins/\(plugin)/tests").path)) ?? []
            #expect(
                files.fileExists(atPath: beside.path) || inside.contains { $0.hasSuffix("_test.lua") },
                "plugins/\(plugin) has no tests: add plugins/\(plugin)_test.lua (or plugins/\(plugin)/tests/*_test.lua)")
        }
    }

    @Test func theShippedPluginsTestsPass() throws {
        let home = try TemporaryFolder()
        let limber = LimberProcess(
            home: home.url,
            // A machine in a zone with daylight saving: the tests' own zone (UTC) must decide.
            extra: ["LIMBER_SHIPPED_PLUGINS": Repository.url("plugins").path, "TZ": "America/New_York"],
            workingDirectory: Repository.root)
        let result = try limber.run(["test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"), "\(result.stdout)")
        for plugin in try Self.shippedPlugins() {
            #expect(result.stdout.contains("plugins/\(plugin)"), "the tests of \(plugin) did not run")
        }
    }

    @Test func theHoldProgressionCountsWeeksOnTheWallClockAcrossDST() throws {
        let home = try TemporaryFolder()
        let limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": Repository.url("plugins").path],
            workingDirectory: Repository.root)
        // 2026-03-08: clocks in New York go forward; the tests' weeks straddle it.
        let result = try limber.run(["test", "plugins/hold-progression_test.lua", "--time-zone", "America/New_York"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
