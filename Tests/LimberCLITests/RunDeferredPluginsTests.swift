import Foundation
import LimberTestSupport
import Testing

/// `limber run` loads plugins only when the script first needs them, and the script then sees
/// them (and any plugin's failure) as it would have with them loaded up front.
@Suite("limber run: plugins on first need")
struct RunDeferredPluginsTests {
    let home: TemporaryFolder
    let limber: LimberProcess
    let plugins: String

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        try home.write(
            "extra/moves.lua",
            """
            limber.catalogue.add{ id = 'plugin-stretch', name = 'Plugin stretch', kind = 'static',
              position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
        try home.write("extra/broken.lua", "local t = nil\nlocal y = t.field\n")
        plugins = home.path("extra")
    }

    @Test func aScriptThatNeedsNoPluginNeitherLoadsNorReportsThem() throws {
        let script = try home.write("plain.lua", "print(1 + 1, limber.now() > 0)")
        let result = try limber.run(["run", "--plugins", plugins, script.path])
        #expect(result.status == 0)
        #expect(result.stdout == "2\ttrue\n")
        #expect(result.stderr.isEmpty, "no plugin loaded, so none failed: \(result.stderr)")
    }

    @Test func aScriptThatUsesAPluginsExerciseFindsItAndHearsOfTheBrokenOne() throws {
        let script = try home.write("uses.lua", "print(limber.catalogue.get('plugin-stretch').name)")
        let result = try limber.run(["run", "--plugins", plugins, script.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Plugin stretch\n")
        #expect(result.stderr.contains("limber: plugin broken failed:"))
        #expect(result.stderr.contains("broken.lua:2:"))
    }

    @Test func aScriptStartsAShippedRoutineWithoutAskingForPlugins() throws {
        let shipped = LimberProcess(home: home.url)
        let script = try home.write(
            "session.lua",
            """
            local result = limber.session.start('runner-cooldown', { pace = 100, hold = 1, get_ready = 0, switch = 1 })
            print(result.routine, result.completed)
            """)
        let result = try shipped.run(["run", script.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("runner-cooldown\ttrue\n"), "\(result.stdout)")
    }
}
