import Foundation
import LimberTestSupport
import Testing

@Suite("limber stub", .serialized)
struct StubCommandTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
    }

    @Test func printsAndWritesTheCommittedStub() throws {
        let committed = try #require(Repository.text("meta/limber.lua"))
        let printed = try limber.run(["stub"])
        #expect(printed.status == 0)
        #expect(printed.stdout == committed)
        let written = try limber.run(["stub", "--output", home.path("out/limber.lua")])
        #expect(written.status == 0)
        #expect(
            String(decoding: try Data(contentsOf: home.url.appendingPathComponent("out/limber.lua")), as: UTF8.self) == committed)
    }

    @Test func testsPrintsTheTestGlobalsStub() throws {
        let committed = try #require(Repository.text("meta/limber_test.lua"))
        let printed = try limber.run(["stub", "--tests"])
        #expect(printed.status == 0)
        #expect(printed.stdout == committed)
        let check = try limber.run(["stub", "--tests", "--check", Repository.url("meta/limber.lua").path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("regenerate it with: limber stub --tests --output "))
    }

    @Test func checkFailsOnAStaleFileAndSaysHowToRegenerate() throws {
        let upToDate = try limber.run(["stub", "--check", Repository.url("meta/limber.lua").path])
        #expect(upToDate.status == 0)
        try home.write("stale.lua", "---@meta limber\nlimber = {}\n")
        let stale = try limber.run(["stub", "--check", home.path("stale.lua")])
        #expect(stale.status == 1)
        #expect(
            stale.stderr
                == "limber: \(home.path("stale.lua")) is out of date; regenerate it with: limber stub --output \(home.path("stale.lua"))\n"
        )
    }
}
