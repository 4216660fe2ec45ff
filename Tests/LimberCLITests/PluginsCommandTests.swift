import Foundation
import LimberCore
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
        try home.write(
            "extra/good.lua",
            """
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
        #expect(
            summaries[2]
                == Summary(name: "good", status: "loaded", error: nil, defines: ["exercise:good-move"], needs: [], granted: []))

        try home.write("config/config.lua", "return { grants = { ['../extra/envy.lua'] = { 'env' } } }")
        let granted = try limber.run(["plugins", "--plugins", home.path("extra"), "--json"])
        let after = try JSONDecoder().decode([Summary].self, from: Data(granted.stdout.utf8))
        #expect(after[1].status == "loaded" && after[1].granted == ["env"])
    }

    @Test func aGrantByNameReachesOnlyTheUsersOwnPluginFolder() throws {
        try home.write("config/config.lua", "return { grants = { envy = { 'env' } } }")
        try home.write("config/plugins/envy.lua", "-- needs: env\nlocal home = os.getenv('HOME')\n")
        let result = try limber.run(["plugins", "--plugins", home.path("extra")])
        #expect(result.status == 0)
        let blocks = ("\n" + result.stdout).components(separatedBy: "\nenvy  ")
        #expect(blocks.count == 3, "two plugins named envy: \(result.stdout)")
        let own = try #require(blocks.first { $0.contains("config/plugins/envy.lua") })
        let other = try #require(blocks.first { $0.split(separator: "\n").first?.hasSuffix("extra/envy.lua") == true })
        #expect(own.contains("needs: env (granted)"))
        #expect(own.contains("granted to: "))
        #expect(other.contains("failed"))
        #expect(other.contains("grant not applied: config.lua grants 'envy' by name, which covers only"))
    }

    @Test func aPinnedGrantHoldsOnlyForThatContent() throws {
        let source = "-- needs: env\nlocal home = os.getenv('HOME')\n"
        let hash = SHA256.hex(Array(source.utf8))
        try home.write(
            "config/config.lua", "return { grants = { { path = '\(home.path("extra/envy.lua"))', sha256 = '\(hash)', 'env' } } }")
        let pinned = try limber.run(["plugins", "--plugins", home.path("extra"), "--json"])
        let before = try JSONDecoder().decode([Summary].self, from: Data(pinned.stdout.utf8))
        #expect(before[1].status == "loaded" && before[1].granted == ["env"])

        try home.write("extra/envy.lua", source + "os.getenv('SECRET')\n")
        let changed = try limber.run(["plugins", "--plugins", home.path("extra")])
        #expect(changed.stdout.contains("grant not applied: the grant for "))
        #expect(changed.stdout.contains("is pinned to sha256 \(hash), but the file's is "))
        #expect(changed.stdout.contains("needs: env (not granted: env"))
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
