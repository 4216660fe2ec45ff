import Foundation
import LimberCore

/// Runs plugin test files (`*_test.lua`), each in a fresh host with a virtual clock.
///
/// A test file's host loads the shipped plugins, the extra plugin folders, and the plugin the
/// file tests (`x_test.lua` tests `x.lua` or `x/` beside it; `p/tests/*_test.lua` tests the folder
/// plugin `p`), all with an empty config: no grants, no settings. Before each test the clock
/// goes back to `VirtualClock.startText`, `limber.log` is a new, empty log in memory, no reminder
/// has been delivered, and the exercises, routines, progressions, reminders and `limber.on` hooks
/// of earlier tests are gone, as is any stop of a plugin whose budget an earlier test spent.
/// An expectation that fails inside a hook (or a `pcall`) still fails its test.
package struct PluginTestRunner {
    /// A failure: the message reads `file:line: what differed` when the place is known.
    package struct Failure: Sendable, Equatable {
        package let message: String
        /// Further lines: where the test called the code that failed, or a traceback.
        package let detail: [String]

        package init(message: String, detail: [String] = []) {
            self.message = message
            self.detail = detail
        }
    }

    /// One test's outcome, or a file-level one (`name` says what was being done).
    package struct Result: Sendable, Equatable {
        /// The test file, as messages show it.
        package let file: String
        package let name: String
        /// nil when it passed.
        package let failure: Failure?

        package var passed: Bool { failure == nil }
    }

    /// What the runner reports as it goes.
    package enum Event: Sendable, Equatable {
        case file(String)
        case result(Result)
    }

    /// The totals of a run.
    package struct Summary: Sendable, Equatable {
        package var passed = 0
        package var failed = 0

        /// The last line of `limber test`: `N passed, N failed`.
        package var line: String { "\(passed) passed, \(failed) failed" }
    }

    /// The shipped plugins folder, loaded into every test host.
    package var shippedFolder: URL?
    /// More plugin folders loaded into every test host (`--plugins`).
    package var extraFolders: [URL]
    /// Seconds of CPU one test (or a file's top level) may use.
    package var cpuLimit: Double = 5
    /// What Lua may hold in one test host.
    package var memoryLimit = 512 << 20
    /// Runs only the tests whose name contains this text.
    package var filter: String?
    /// Adds each error's traceback to its failure.
    package var verbose = false
    /// The zone tests' local times are in (`clock.set`, `os.date`, days in the log, reminder
    /// schedules): UTC unless chosen, so a test passes the same on every machine.
    package var timeZone = TimeZone(identifier: "UTC") ?? .current

    package init(shippedFolder: URL?, extraFolders: [URL] = []) {
        self.shippedFolder = shippedFolder
        self.extraFolders = extraFolders
    }

    // MARK: Finding tests

    /// Every `*_test.lua` below these files and folders, each once, sorted within a folder.
    package static func discover(_ roots: [URL]) -> [URL] {
        var files: [URL] = []
        var seen: Set<String> = []
        for root in roots {
            for file in testFiles(under: root) where seen.insert(file.standardizedFileURL.path).inserted {
                files.append(file)
            }
        }
        return files
    }

    private static func testFiles(under root: URL) -> [URL] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [root] }
        guard let names = try? manager.contentsOfDirectory(atPath: root.path) else { return [] }
        var files: [URL] = []
        var folders: [URL] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            var childIsFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &childIsFolder) else { continue }
            if childIsFolder.boolValue {
                folders.append(url)
            } else if name.hasSuffix("_test.lua") {
                files.append(url)
            }
        }
        return files + folders.flatMap(testFiles(under:))
    }

    /// The plugin a test file tests, when there is one beside it.
    package static func plugin(testedBy file: URL) -> PluginFile? {
        let manager = FileManager.default
        let folder = file.deletingLastPathComponent()
        if folder.lastPathComponent == "tests" {
            let plugin = folder.deletingLastPathComponent()
            let entry = plugin.appendingPathComponent("init.lua")
            if manager.fileExists(atPath: entry.path) {
                return PluginFile(name: plugin.lastPathComponent, entry: entry, moduleFolder: plugin)
            }
        }
        let fileName = file.lastPathComponent
        guard fileName.hasSuffix("_test.lua") else { return nil }
        let name = String(fileName.dropLast("_test.lua".count))
        let single = folder.appendingPathComponent(name + ".lua")
        if manager.fileExists(atPath: single.path) {
            return PluginFile(name: name, entry: single, moduleFolder: nil)
        }
        let entry = folder.appendingPathComponent(name).appendingPathComponent("init.lua")
        if manager.fileExists(atPath: entry.path) {
            return PluginFile(name: name, entry: entry, moduleFolder: folder.appendingPathComponent(name))
        }
        return nil
    }

    // MARK: Running

    /// Runs every file in order, reporting each file and each result; returns the totals.
    package func run(_ files: [URL], report: (Event) -> Void) -> Summary {
        var summary = Summary()
        var brokenPlugins: Set<String> = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("limber-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (index, file) in files.enumerated() {
            let display = PluginFile.displayPath(of: file)
            report(.file(display))
            let paths = LimberPaths(home: scratch.appendingPathComponent(String(index)))
            for result in runFile(file, display: display, paths: paths, brokenPlugins: &brokenPlugins) {
                if result.passed { summary.passed += 1 } else { summary.failed += 1 }
                report(.result(result))
            }
        }
        return summary
    }

    private func runFile(_ file: URL, display: String, paths: LimberPaths, brokenPlugins: inout Set<String>) -> [Result] {
        func failed(_ name: String, _ message: String) -> Result {
            Result(file: display, name: name, failure: Failure(message: message))
        }
        let session: TestSession
        do {
            session = try TestSession(paths: paths, memoryLimit: memoryLimit, timeZone: timeZone)
        } catch {
            return [failed("start a test host", error.message)]
        }

        var results: [Result] = []
        let reports = session.loadPlugins(folders: pluginFolders(), testedPlugin: Self.plugin(testedBy: file))
        let files = [display] + reports.map(\.plugin.displayPath)
        for report in reports {
            guard case .failed(let message) = report.status,
                brokenPlugins.insert(report.plugin.entry.standardizedFileURL.path).inserted
            else { continue }
            results.append(failed("load plugin \(report.plugin.name)", Self.expand(message, files: files)))
        }

        let chunk: LuaValue
        do {
            chunk = try session.host.lua.load(file: display)
        } catch {
            results.append(failed("load test file", Self.expand(error.message, files: files)))
            return results
        }
        // What the test file defines is attributed to it, as a script's is.
        session.host.currentSource = display
        defer { session.host.currentSource = nil }
        do {
            try session.host.lua.call(chunk, cpuLimit: cpuLimit)
        } catch {
            session.host.lua.resetStop()
            let failure = describe(error, files: files)
            results.append(Result(file: display, name: "run test file", failure: failure))
            return results
        }

        let count = session.testCount
        // A test file that defines no test would pass without testing anything.
        if count == 0 {
            let failure = Failure(message: "\(display): defines no tests (call test(\"name\", function() ... end))")
            results.append(Result(file: display, name: "define tests", failure: failure))
            return results
        }
        for index in stride(from: 1, through: count, by: 1) {
            let name = session.testName(index)
            if let filter, !name.contains(filter) { continue }
            do {
                try session.reset()
                try session.run(index, cpuLimit: cpuLimit)
                let hidden = session.hiddenFailure().map { Failure(message: Self.expand($0.message, files: files)) }
                results.append(Result(file: display, name: name, failure: hidden))
            } catch {
                session.host.lua.resetStop()
                if let expectation = session.expectationFailure() {
                    results.append(Result(file: display, name: name, failure: expectation))
                } else {
                    results.append(Result(file: display, name: name, failure: describe(error, files: files)))
                }
            }
        }
        return results
    }

    private func pluginFolders() -> [URL] {
        (shippedFolder.map { [$0] } ?? []) + extraFolders
    }

    /// An error as a failure: its message, and where the test file (`files[0]`) called the code
    /// that raised it; `files` are the paths to restore where Lua cut a long one short.
    func describe(_ error: LuaError, files: [String]) -> Failure {
        let testFile = files.first ?? ""
        switch error {
        case .exit(let code):
            return Failure(message: "\(testFile): os.exit(\(code)) was called during the test")
        case .runtime(let message, let traceback):
            let runtimePrefix = PluginTestRuntime.source.locationPrefix
            let frames = traceback.split(separator: "\n").map {
                Self.expand($0.trimmingCharacters(in: .whitespaces), files: files)
            }
            .filter { !$0.hasPrefix(runtimePrefix) }
            // The test file's frames, innermost first: where the error came from, and the test's own line.
            let places = frames.compactMap { frame -> String? in
                guard frame.hasPrefix(testFile + ":") else { return nil }
                let line = frame.dropFirst(testFile.count + 1).prefix { $0.isNumber }
                return line.isEmpty ? nil : "\(testFile):\(line)"
            }
            var detail: [String] = []
            var text = Self.expand(message, files: files)
            // A CPU-limit stop can land in the runner's own frame: the test's line says more.
            if text.hasPrefix(runtimePrefix), let colon = text.dropFirst(runtimePrefix.count).firstIndex(of: ":") {
                text = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            if !Self.hasLocation(text), let innermost = places.first {
                text = "\(innermost): \(text)"
            }
            if let testLine = places.last, !text.hasPrefix(testLine + ":") {
                detail.append("called from \(testLine)")
            }
            if verbose, frames.count > 1 { detail += ["stack traceback:"] + frames.dropFirst().map { "  " + $0 } }
            return Failure(message: text, detail: detail)
        default:
            return Failure(message: Self.expand(error.message, files: files))
        }
    }

    /// Restores a path Lua shortened to `...tail` at the start of a message, when one of `files` ends so.
    static func expand(_ text: String, files: [String]) -> String {
        guard text.hasPrefix("...") else { return text }
        let body = text.dropFirst(3)
        guard let position = body.range(of: #":[0-9]+:"#, options: .regularExpression) else { return text }
        let tail = body[..<position.lowerBound]
        guard let full = files.first(where: { $0.hasSuffix(tail) }) else { return text }
        return full + body[position.lowerBound...]
    }

    /// Whether a message starts with `file:line:`.
    static func hasLocation(_ message: String) -> Bool {
        guard let colon = message.firstIndex(of: ":"), colon > message.startIndex else { return false }
        let rest = message[message.index(after: colon)...]
        let digits = rest.prefix { $0.isNumber }
        return !digits.isEmpty && rest.dropFirst(digits.count).first == ":"
    }
}
