import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// `limber test [PATH...]`: runs plugin tests (`*_test.lua`) with a virtual clock.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run plugin tests (*_test.lua) against a virtual clock.",
        discussion: """
            With no PATH, runs every *_test.lua under the shipped plugins folder, your plugins \
            folder and each --plugins folder. Each test file gets a fresh limber with the shipped \
            plugins, the --plugins folders and the plugin it tests loaded (x_test.lua tests x.lua \
            or x/ beside it; p/tests/*_test.lua tests the folder plugin p), with an empty config.

            In a test file: test(name, fn); expect(value).to_be(x) / to_equal(x) / to_be_nil() / \
            to_be_truthy() / to_be_falsy() / to_contain(x) / to_match(pattern) / \
            to_fail_with(pattern), and expect(value).never.<matcher>; clock.set('2026-03-08 17:00'), \
            clock.advance(seconds or { days =, hours =, minutes = }), clock.now(). Each test starts \
            at \(VirtualClock.startText) in --time-zone (UTC unless given), which os.date and \
            os.time use too, so tests pass the same on every machine.

            The last line reads 'N passed, N failed'; the exit code is 1 when any test failed.
            """
    )

    @Argument(help: ArgumentHelp("Test files or folders to search for *_test.lua.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Run only the tests whose name contains this text.", valueName: "text"))
    var filter: String?

    @Flag(name: .shortAndLong, help: "Show each error's Lua traceback.")
    var verbose = false

    @Option(
        name: .customLong("time-zone"),
        help: ArgumentHelp("The zone of the tests' local times (default UTC, whatever the machine's).", valueName: "zone"))
    var timeZone = "UTC"

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let shipped = PluginLoader.shippedPluginFolder()
        let extra = plugins.folders.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let files: [URL]
        if paths.isEmpty {
            let roots = (shipped.map { [$0] } ?? []) + [LimberPaths.resolve().plugins] + extra
            files = PluginTestRunner.discover(roots)
        } else {
            var found: [URL] = []
            for path in paths {
                let url = URL(fileURLWithPath: path)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw LimberFailure("\(path): no such file or folder")
                }
                let tests = PluginTestRunner.discover([url])
                guard !tests.isEmpty else { throw LimberFailure("\(path): no *_test.lua files") }
                found += tests
            }
            files = PluginTestRunner.discover(found)
        }

        var runner = PluginTestRunner(shippedFolder: shipped, extraFolders: extra)
        runner.filter = filter
        runner.verbose = verbose
        guard let zone = TimeZone(identifier: timeZone) else {
            throw LimberFailure("unknown time zone '\(timeZone)' (use a name such as UTC or Europe/Berlin)")
        }
        runner.timeZone = zone
        let report = TestReport(terminal: Terminal())
        let summary = runner.run(files) { event in
            print(report.render(event), terminator: "")
        }
        print(summary.line)
        if summary.failed > 0 { throw LimberFailure("", exitCode: 1) }
    }
}
