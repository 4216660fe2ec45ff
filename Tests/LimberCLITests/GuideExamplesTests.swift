import Foundation
import LimberTestSupport
import Testing

/// The plugin guide's examples are files under `docs/examples/`, quoted verbatim in
/// `docs/plugins.md` and run with `limber test`.
@Suite("plugin guide examples", .serialized)
struct GuideExamplesTests {
    /// The guide's ```lua blocks that quote a file: those whose first line is `-- name.lua: ...`.
    static func quotedFiles(in guide: String) -> [(name: String, text: String)] {
        var quoted: [(String, String)] = []
        var block: [Substring]?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if block == nil, line == "```lua" {
                block = []
            } else if var lines = block {
                if line == "```" {
                    if let first = lines.first, first.hasPrefix("-- "), let colon = first.firstIndex(of: ":") {
                        let name = first[first.index(first.startIndex, offsetBy: 3)..<colon]
                        if name.hasSuffix(".lua"), !name.contains(" ") {
                            quoted.append((String(name), lines.joined(separator: "\n") + "\n"))
                        }
                    }
                    block = nil
                } else {
                    lines.append(line)
                    block = lines
                }
            }
        }
        return quoted
    }

    @Test func everyExampleFileIsQuotedVerbatimInTheGuide() throws {
        let guide = try #require(Repository.text("docs/plugins.md"))
        let quoted = Self.quotedFiles(in: guide)
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.url("docs/examples").path)
            .filter { $0.hasSuffix(".lua") }.sorted()
        #expect(!files.isEmpty)
        #expect(quoted.map(\.name).sorted() == files, "every file in docs/examples is quoted once in docs/plugins.md")
        for (name, text) in quoted {
            let file = Repository.text("docs/examples/\(name)")
            #expect(
                file == text,
                "docs/plugins.md quotes \(name) differently from docs/examples/\(name); copy the file into the guide")
        }
        // Each plugin example comes with its test.
        for file in files where !file.hasSuffix("_test.lua") {
            #expect(files.contains(file.replacingOccurrences(of: ".lua", with: "_test.lua")), "\(file) has no test")
        }
    }

    @Test func theExamplesTestsPass() throws {
        let home = try TemporaryFolder()
        // With the shipped plugins, as a person running the examples has them.
        let limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": Repository.url("plugins").path], workingDirectory: Repository.root)
        let result = try limber.run(["test", "docs/examples"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"))
        let passed = Int(last.prefix { $0.isNumber }) ?? 0
        let guide = try #require(Repository.text("docs/plugins.md"))
        let declared = Self.quotedFiles(in: guide).filter { $0.name.hasSuffix("_test.lua") }
            .map { $0.text.components(separatedBy: "\ntest(").count - 1 }.reduce(0, +)
        #expect(passed == declared, "every test the guide shows runs")
        #expect(passed > 0)
    }
}
