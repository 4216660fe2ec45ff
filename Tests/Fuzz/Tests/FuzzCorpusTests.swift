import Foundation
import LimberFuzzTargets
import Testing

/// Every committed fuzz input, seeds and crashes found, still runs through its target without a
/// failure: the seeds keep the targets honest in a plain `swift test`, and each crash the fuzzer
/// ever found stays fixed (`Tests/Fuzz/regressions/NAME/`).
@Suite("fuzz corpus replay")
struct FuzzCorpusTests {
    /// `Tests/Fuzz`, from this file's place in the tree.
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func inputs(_ folder: String, _ target: FuzzTarget) -> [URL] {
        let url = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func everySeedAndRegressionRunsClean(name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = Self.inputs("corpus", target)
        #expect(!seeds.isEmpty, "a fuzz target needs seeds in Tests/Fuzz/corpus/\(name)/")
        for file in seeds + Self.inputs("regressions", target) {
            let data = try Data(contentsOf: file)
            do {
                try target.run(data)
            } catch {
                Issue.record("\(file.lastPathComponent): \(error)")
            }
        }
    }

    @Test func targetNamesAreUniqueAndUsableAsFolderNames() throws {
        let names = FuzzTarget.all.map(\.name)
        // scripts/fuzz runs one target per seed folder.
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzzFolder.appendingPathComponent("corpus").path)
        #expect(
            Set(folders.filter { !$0.hasPrefix(".") }) == Set(names), "every seed folder names a target and every target has one")
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
    }

    /// A file the log refuses (not UTF-8, not a log) is a refusal, not a target failure.
    @Test func theLogTargetsTakeRefusedFilesQuietly() throws {
        for name in ["log-csv", "log-json"] {
            let target = try #require(FuzzTarget.named(name))
            try target.run(Data("not a log at all\u{0}".utf8))
            try target.run(Data([0xFF, 0xFE, 0x00]))
        }
    }
}
