import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("grants bound to files")
struct GrantFileTests {
    /// Loads the plugins of `folders` with `config` as config.lua; the user's plugin folder is `home/config/plugins`.
    func load(_ home: TemporaryFolder, config: String, folders: [String]) throws -> [PluginReport] {
        let configFile = try home.write("config/config.lua", config)
        let host = try LimberHost(paths: LimberPaths(home: home.url))
        host.config = try ConfigFile.load(from: configFile, into: host.lua)
        return PluginLoader(host: host).load(folders: folders.map { home.url.appendingPathComponent($0) })
    }

    static let needsEnv = "-- needs: env\nassert(os.getenv, 'no getenv')\n"

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aGrantByPathFollowsTheFileNotTheName() throws {
        let home = try TemporaryFolder()
        try home.write("mine/notifier.lua", Self.needsEnv)
        try home.write("theirs/notifier/init.lua", Self.needsEnv)
        let reports = try load(
            home, config: "return { grants = { ['../mine/notifier.lua'] = { 'env' } } }", folders: ["mine", "theirs"])
        #expect(reports.map(\.plugin.name) == ["notifier", "notifier"])
        #expect(reports[0].granted == ["env"] && reports[0].status == .loaded)
        #expect(reports[0].grantedFile?.hasSuffix("/mine/notifier.lua") == true)
        #expect(reports[1].granted.isEmpty && reports[1].grantedFile == nil)
        #expect(reports[1].status != .loaded)
    }

    @Test func aSymlinkedEntryIsGrantedOnlyThroughWhatItResolvesTo() throws {
        let home = try TemporaryFolder()
        let real = try home.write("real/tool.lua", Self.needsEnv)
        try FileManager.default.createDirectory(at: home.url.appendingPathComponent("linked"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.path("linked/tool.lua"), withDestinationPath: real.path)
        try home.write("copy/tool.lua", Self.needsEnv)
        let reports = try load(
            home, config: "return { grants = { ['\(home.path("linked/tool.lua"))'] = { 'env' } } }", folders: ["real", "copy"])
        #expect(reports[0].granted == ["env"], "the file the link points at is the one granted")
        #expect(reports[1].granted.isEmpty, "an identical copy elsewhere is another file")
    }

    @Test func aFolderPluginIsGrantedByItsFolderOrItsInit() throws {
        let home = try TemporaryFolder()
        try home.write("extra/stretchy/init.lua", Self.needsEnv)
        let byFolder = try load(home, config: "return { grants = { ['../extra/stretchy'] = { 'env' } } }", folders: ["extra"])
        #expect(byFolder[0].granted == ["env"])
        let byInit = try load(
            home, config: "return { grants = { ['../extra/stretchy/init.lua'] = { 'env' } } }", folders: ["extra"])
        #expect(byInit[0].granted == ["env"])
    }

    @Test func aBareNameGrantsOnlyTheUsersOwnPlugin() throws {
        let home = try TemporaryFolder()
        try home.write("config/plugins/notifier.lua", Self.needsEnv)
        try home.write("extra/notifier.lua", Self.needsEnv)
        let reports = try load(
            home, config: "return { grants = { notifier = { 'env' } } }", folders: ["config/plugins", "extra"])
        #expect(reports[0].granted == ["env"] && reports[0].status == .loaded)
        #expect(reports[1].granted.isEmpty)
        #expect(reports[1].grantNote?.contains("grant this file by its path: [\"") == true)
    }

    @Test func aHashMismatchGrantsNothingAndSaysWhy() throws {
        let home = try TemporaryFolder()
        let entry = try home.write("extra/tool.lua", Self.needsEnv)
        let good = SHA256.hex(Array(Self.needsEnv.utf8))
        let wrong = String(repeating: "0", count: 64)
        let pinned = try load(
            home, config: "return { grants = { ['\(entry.path)'] = { 'env', sha256 = '\(good.uppercased())' } } }",
            folders: ["extra"])
        #expect(pinned[0].granted == ["env"])
        let mismatched = try load(
            home, config: "return { grants = { ['\(entry.path)'] = { 'env', sha256 = '\(wrong)' } } }", folders: ["extra"])
        #expect(mismatched[0].granted.isEmpty)
        #expect(
            mismatched[0].grantNote
                == "the grant for \(GrantMatcher.resolved(entry.path) ?? "") is pinned to sha256 \(wrong), but the file's is \(good); not granted"
        )
    }

    @Test(arguments: [
        ("return { grants = { ['x.lua'] = { 'env', sha256 = 'abc' } } }", "sha256 must be 64 hex digits"),
        ("return { grants = { { 'env' } } }", "a listed grant needs path = \"...\""),
        ("return { grants = { ['x.lua'] = 'env' } }", "expected a list of capabilities"),
        ("return { grants = { ['x.lua'] = { 'root' } } }", "grant 'root' for plugin"),
        ("return { grants = { ['x.lua'] = { 'env', extra = 1 } } }", "expected an array"),
    ])
    func badGrantsAreOneLineNamingThem(config: String, expected: String) throws {
        let home = try TemporaryFolder()
        let file = try home.write("config/config.lua", config)
        let host = try LimberHost(paths: LimberPaths(home: home.url))
        #expect(throws: LuaError.self) { try ConfigFile.load(from: file, into: host.lua) }
        do {
            _ = try ConfigFile.load(from: file, into: host.lua)
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }
}

@Suite("require stays in the plugin's folder")
struct RequireIsolationTests {
    /// Runs `code` in a folder plugin `p` under `home/plugins` and returns the report.
    func run(_ home: TemporaryFolder, _ code: String) throws -> PluginReport {
        try home.write("plugins/p/init.lua", code)
        let host = try LimberHost(paths: LimberPaths(home: home.url))
        return PluginLoader(host: host).load(folders: [home.url.appendingPathComponent("plugins")])[0]
    }

    func requireError(_ home: TemporaryFolder, _ module: String) throws -> String {
        let report = try run(
            home,
            """
            local ok, err = pcall(require, \(luaQuoted(module)))
            assert(not ok, 'required ' .. tostring(err))
            error(err, 0)
            """)
        return failure(report) ?? "(loaded)"
    }

    func luaQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    @Test func aSymlinkOutOfTheFolderIsRefused() throws {
        let home = try TemporaryFolder()
        let secret = try home.write("config/config.lua", "return { token = 'hunter2' }")
        try home.write("plugins/p/placeholder.txt", "")
        try FileManager.default.createSymbolicLink(atPath: home.path("plugins/p/cfg.lua"), withDestinationPath: secret.path)
        let message = try requireError(home, "cfg")
        #expect(message.contains("module 'cfg' resolves outside the plugin's folder"), "\(message)")
        #expect(!message.contains("hunter2"))
    }

    @Test func aSymlinkedFolderOutOfThePluginIsRefused() throws {
        let home = try TemporaryFolder()
        try home.write("elsewhere/lib/util.lua", "return 1")
        try home.write("plugins/p/placeholder.txt", "")
        try FileManager.default.createSymbolicLink(
            atPath: home.path("plugins/p/lib"), withDestinationPath: home.path("elsewhere/lib"))
        let message = try requireError(home, "lib.util")
        #expect(message.contains("module 'lib.util' resolves outside the plugin's folder"), "\(message)")
    }

    @Test func aSymlinkInsideTheFolderIsFollowed() throws {
        let home = try TemporaryFolder()
        try home.write("plugins/p/real.lua", "return { answer = 42 }")
        try FileManager.default.createSymbolicLink(atPath: home.path("plugins/p/alias.lua"), withDestinationPath: "real.lua")
        let report = try run(home, "assert(require('alias').answer == 42)")
        #expect(report.status == .loaded, "\(report.status)")
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let home = try TemporaryFolder()
        try home.write("plugins/p/placeholder.txt", "")
        #expect(mkfifo(home.path("plugins/p/pipe.lua"), 0o600) == 0)
        let message = try requireError(home, "pipe")
        #expect(message.contains("module 'pipe' is a FIFO, not a regular file"), "\(message)")
    }

    @Test func aDeviceIsRefused() throws {
        let home = try TemporaryFolder()
        try home.write("plugins/p/placeholder.txt", "")
        try FileManager.default.createSymbolicLink(atPath: home.path("plugins/p/zero.lua"), withDestinationPath: "/dev/zero")
        let outside = try requireError(home, "zero")
        #expect(outside.contains("resolves outside the plugin's folder"), "\(outside)")
        if mknod(home.path("plugins/p/null.lua"), S_IFCHR | 0o600, dev_t((1 << 8) | 3)) == 0 {
            let device = try requireError(home, "null")
            #expect(device.contains("module 'null' is a character device, not a regular file"), "\(device)")
        }
    }

    @Test func aDirectoryIsRefused() throws {
        let home = try TemporaryFolder()
        try home.write("plugins/p/dir.lua/inner.lua", "return 1")
        let message = try requireError(home, "dir")
        #expect(message.contains("module 'dir' is a directory, not a regular file"), "\(message)")
    }

    @Test(arguments: ["..", "../x", "/etc/passwd", "a..b", ".hidden", "a/b", "a.", "-x", "a b", "a\0b", ""])
    func badNamesAreRefused(name: String) throws {
        let home = try TemporaryFolder()
        let message = try requireError(home, name)
        #expect(message.contains("bad module name"), "\(name): \(message)")
    }

    @Test func aLongNameOrAHugeModuleIsRefused() throws {
        let home = try TemporaryFolder()
        let long = try requireError(home, String(repeating: "a", count: 5000))
        #expect(long.contains("bad module name"))
        #expect(long.count < 400)
        try home.write("plugins/p/big.lua", "return '" + String(repeating: "x", count: ModuleReader.maximumSize) + "'")
        let big = try requireError(home, "big")
        #expect(
            big.contains("module 'big' is \(ModuleReader.maximumSize + 9) bytes, more than the 4 MiB a module may have"), "\(big)"
        )
    }

    @Test func aMissingModuleNamesItAndItsFolder() throws {
        let home = try TemporaryFolder()
        let message = try requireError(home, "nowhere.to.be")
        #expect(message.contains("module 'nowhere.to.be' not found in "))
    }
}

@Suite("plugin error text")
struct PluginErrorTextTests {
    @Test func aHugeErrorIsCutWithItsSizeSaid() throws {
        // 50 MiB: string.rep holds its result twice for a moment, and a plugin may hold 128 MiB.
        let (report, _) = try loadPlugin("error(string.rep('x', 50 * 1024 * 1024))", memoryLimit: 512 << 20, cpuLimit: 5)
        let message = try #require(failure(report))
        #expect(message.count < PluginErrorText.maximumLength + 200)
        let size = try #require(message.firstMatch(of: /\.\.\. \((\d+) bytes in all\)$/)).1
        let total = try #require(Int(size))
        #expect(total > 50 * 1024 * 1024 && total < 50 * 1024 * 1024 + 200, "\(message.suffix(80))")
    }

    @Test func nestedCoroutineErrorsKeepOnePrefix() throws {
        let (report, _) = try loadPlugin(
            """
            local function deep(n)
              if n == 0 then error('boom') end
              local ok, err = coroutine.resume(coroutine.create(function() deep(n - 1) end))
              error(err)
            end
            deep(60)
            """, cpuLimit: 5)
        let message = try #require(failure(report))
        // (60 levels: each resume nests C calls, and the guarded coroutine functions add one.)
        try #require(message.contains("probe.lua:4: ..."), "\(message.prefix(300))")
        #expect(message.hasSuffix("probe.lua:4: ...\(message.components(separatedBy: "probe.lua:4: ...")[1])"))
        #expect(message.components(separatedBy: "probe.lua:4: ").count == 2, "\(message.prefix(300))")
        #expect(message.components(separatedBy: "probe.lua:2: boom").count == 2)
        #expect(message.count < 400)
    }

    @Test(arguments: [
        ("a.lua:1: a.lua:1: a.lua:1: boom", "a.lua:1: boom"),
        ("a.lua:1: b.lua:2: b.lua:2: a.lua:1: x", "a.lua:1: b.lua:2: a.lua:1: x"),
        ("plain message", "plain message"),
        ("a.lua:1:no space", "a.lua:1:no space"),
        ("", ""),
    ])
    func prefixesCollapse(input: String, expected: String) {
        #expect(PluginErrorText.clean(input) == expected)
    }

    @Test func cutsNeverSplitACharacter() {
        let text = String(repeating: "é", count: 3000)
        let cleaned = PluginErrorText.clean(text)
        #expect(cleaned.hasSuffix("... (6000 bytes in all)"))
        #expect(!cleaned.contains("\u{FFFD}"))
        #expect(cleaned.utf8.count <= PluginErrorText.maximumLength + 30)
    }

    @Test func aShortErrorIsUntouched() {
        let text = String(repeating: "y", count: PluginErrorText.maximumLength)
        #expect(PluginErrorText.clean(text) == text)
    }
}
