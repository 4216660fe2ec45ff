import Foundation
import LimberTestSupport
import Testing

@Suite("limber plugins", .serialized)
struct PluginsCommandTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        try home.write("extra/envy.lua", "-- needs: env\nlocal home = os.getenv('HOME')\n")
        try home.write("extra/broken.lua", "local = 1\n")
        try home.write("extra/good.lua", """
            limber.catalogue.add{ id = 'good-move', name = 'Good move', kind = 'static', position = 'standing',
              laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
    }

    struct Summary: Decodable, Equatable {
        let name: String
        let status: String
        let error: String?
        let defines: [String]
        let needs: [String]
        let granted: [String]
    }

    @Test func listShowsStatusDefinitionsAndGrants() throws {
        let result = try limber.run(["plugins", "--plugins", home.path("extra"), "--json"])
        #expect(result.status == 0)
        let summaries = try JSONDecoder().decode([Summary].self, from: Data(result.stdout.utf8))
        #expect(summaries.map(\.name) == ["broken", "envy", "good"])
        #expect(summaries[0].status == "failed")
        #expect(summaries[0].error?.contains("broken.lua:1:") == true)
        #expect(summaries[1].needs == ["env"] && summaries[1].granted.isEmpty && summaries[1].status == "failed")
        #expect(summaries[2] == Summary(name: "good", status: "loaded", error: nil, defines: ["exercise:good-move"], needs: [], granted: []))

        try home.write("config/config.lua", "return { grants = { envy = { 'env' } } }")
        let granted = try limber.run(["plugins", "--plugins", home.path("extra"), "--json"])
        let after = try JSONDecoder().decode([Summary].self, from: Data(granted.stdout.utf8))
        #expect(after[1].status == "loaded" && after[1].granted == ["env"])
    }

    @Test func aBrokenPluginDoesNotHideTheGoodOnes() throws {
        let result = try limber.run(["show", "good-move", "--plugins", home.path("extra")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Good move"))
        #expect(result.stderr.contains("limber: plugin broken failed: "))
    }

    @Test func checkValidatesOneFileAlone() throws {
        let good = try limber.run(["plugins", "check", home.path("extra/good.lua")])
        #expect(good.status == 0)
        #expect(good.stdout.contains("defines: exercise:good-move"))
        let broken = try limber.run(["plugins", "check", home.path("extra/broken.lua")])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken.lua:1:"))
        let missing = try limber.run(["plugins", "check", home.path("nope.lua")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }

    @Test func aBrokenConfigIsOneClearLine() throws {
        try home.write("config/config.lua", "return { grants = { envy = { 'root' } } }")
        let result = try limber.run(["exercises"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("limber: "))
        #expect(result.stderr.contains("grant 'root' for plugin 'envy' is not one of env, exec, files"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
