import Foundation
import LimberTestSupport
import Testing

@Suite("limber test", .serialized)
struct TestCommandTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""], workingDirectory: home.url)
        try home.write(
            "mine/hold.lua",
            """
            limber.catalogue.add{ id = 'long-hold', name = 'Long hold', kind = 'static', position = 'standing',
              laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 90, default = 45 } }
            """)
    }

    func lastLine(_ text: String) -> String {
        text.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func passingTestsExitZeroWithTheCountsLast() throws {
        try home.write(
            "mine/hold_test.lua",
            """
            test("the plugin adds its exercise", function()
              expect(limber.catalogue.get("long-hold").dose.default).to_be(45)
            end)
            test("the clock is virtual", function()
              clock.advance{ days = 7 }
              expect(os.date("%Y-%m-%d")).to_be("2026-01-12")
            end)
            """)
        let result = try limber.run(["test", "mine"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout == """
                mine/hold_test.lua
                  ok   the plugin adds its exercise
                  ok   the clock is virtual
                2 passed, 0 failed

                """)
    }

    @Test func aBrokenTestSaysWhereAndWhatDifferedAndExitsOne() throws {
        try home.write(
            "mine/hold_test.lua",
            """
            test("passes", function() end)
            test("wrong default", function()
              local dose = limber.catalogue.get("long-hold").dose
              expect(dose).to_equal({ unit = "seconds", min = 30, max = 90, default = 60 })
            end)
            """)
        try home.write("mine/syntax_test.lua", "test('x', function()\n")
        let result = try limber.run(["test", "mine"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                """
                  FAIL wrong default
                       mine/hold_test.lua:4: values differ at .default: expected 60, got 45
                """))
        #expect(result.stdout.contains("  FAIL load test file\n       mine/syntax_test.lua:2: "))
        #expect(lastLine(result.stdout) == "1 passed, 2 failed")
        #expect(result.stderr.isEmpty)
    }

    @Test func withoutPathsItRunsThePluginFolders() throws {
        try home.write("config/plugins/mine_test.lua", "test('from the user folder', function() end)")
        try home.write("extra/extra_test.lua", "test('from --plugins', function() expect(1).to_be(2) end)")
        let result = try limber.run(["test", "--plugins", home.path("extra")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ok   from the user folder"))
        #expect(result.stdout.contains("FAIL from --plugins"))
        #expect(lastLine(result.stdout) == "1 passed, 1 failed")
    }

    @Test func aMissingPathIsOneClearLine() throws {
        let result = try limber.run(["test", "nowhere"])
        #expect(result.status == 1)
        #expect(result.stderr == "limber: nowhere: no such file or folder\n")
        try home.write("empty/readme.txt", "")
        let empty = try limber.run(["test", "empty"])
        #expect(empty.status == 1)
        #expect(empty.stderr == "limber: empty: no *_test.lua files\n")
    }
}
