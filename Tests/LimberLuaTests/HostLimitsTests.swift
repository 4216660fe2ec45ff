import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("host calls bound their work")
struct HostLimitsTests {
    /// Runs `code` in a fresh host with a 512 MiB cap and returns the first result.
    func run(_ code: String) throws -> LuaValue {
        let folder = try TemporaryFolder()
        let host = try LimberHost(paths: LimberPaths(home: folder.url), memoryLimit: 512 << 20)
        return try host.lua.run(code, cpuLimit: 20).first ?? .nil
    }

    func message(_ code: String) throws -> String {
        try run("local ok, err = pcall(function() \(code) end) assert(not ok, 'accepted') return err").stringValue ?? ""
    }

    @Test func aTableSharedDeeplyFailsAtOnce() throws {
        let text = try message("local t = {} for i = 1, 40 do t = { t, t } end limber.catalogue.find(t)")
        #expect(text.contains("more than the 64 MiB limber copies in one call"), "\(text)")
    }

    @Test func oneStringReferencedManyTimesIsChargedEachTime() throws {
        let text = try message(
            "local s = string.rep('x', 16 * 1024 * 1024) local l = {} for i = 1, 64 do l[i] = s end limber.catalogue.find{ region = l }"
        )
        #expect(text.contains("more than the 64 MiB"), "\(text)")
    }

    @Test func aSharedTableWithinTheBudgetIsReadAndComparesEqual() throws {
        let result = try run(
            """
            local shared = { 'hips' }
            local ok, err = pcall(limber.catalogue.find, { region = 'hips', extra = { shared, shared, shared } })
            return tostring(ok) .. ' ' .. tostring(err)
            """)
        #expect(result.stringValue?.contains("extra") == true, "unknown fields are still named: \(result)")
    }

    @Test func aCycleIsAnError() throws {
        let text = try message("local t = {} t.self = t limber.catalogue.find(t)")
        #expect(text.contains("cannot copy a table that contains itself"))
    }

    @Test func aStringPastTheLimitIsRefused() throws {
        let text = try message("limber.catalogue.get(string.rep('x', 16 * 1024 * 1024 + 1))")
        #expect(text.contains("a string of 16777217 bytes is longer than the 16 MiB limber takes"), "\(text)")
    }

    @Test func aTableWithTooManyEntriesIsRefused() throws {
        let text = try message("local t = {} for i = 1, 100001 do t[i] = i end limber.catalogue.find(t)")
        #expect(text.contains("more than 100000 entries"), "\(text)")
    }

    @Test func tablesNestedTooDeepAreRefused() throws {
        let text = try message("local t = {} for i = 1, 300 do t = { t } end limber.catalogue.find(t)")
        #expect(text.contains("tables nest deeper than 200 levels"), "\(text)")
    }

    @Test func aLongIDIsRefusedBeforeAnyLookup() throws {
        let text = try message("limber.catalogue.get(string.rep('a', 300000))")
        #expect(text.contains("field 'id': 300000 bytes is longer than the 200 an id or name may have"), "\(text)")
        let fine = try run("local e, why = limber.catalogue.get(string.rep('a', 200)) return why")
        #expect(fine.stringValue?.isEmpty == false, "a 200-byte id is looked up and not found")
    }

    static let exercise = """
        id = 'wall-calf', name = 'Wall calf', kind = 'static', position = 'standing', laterality = 'per_side',
        phase = 'post_run', dose = { unit = 'seconds', min = 30, max = 60, default = 30 }, regions = { 'calves' }
        """

    @Test(arguments: [
        (
            "instructions = (function() local t = {} for i = 1, 50000 do t[i] = 'step' end return t end)()",
            "field 'instructions': 50000 items, more than the 100"
        ),
        ("cues = { string.rep('c', 4001) }", "field 'cues[1]': 4001 bytes is longer than the 4000"),
        ("aliases = { string.rep('a', 201) }", "field 'aliases[1]': 201 bytes is longer than the 200"),
    ])
    func exerciseFieldsAreBounded(field: String, expected: String) throws {
        let text = try message("limber.catalogue.add{ \(Self.exercise), \(field) }")
        #expect(text.contains(expected), "\(text)")
    }

    @Test func theLargestExerciseAllowedIsAccepted() throws {
        let result = try run(
            """
            local list = {} for i = 1, 100 do list[i] = string.rep('i', 4000) end
            local e = limber.catalogue.add{ \(Self.exercise), instructions = list, cues = list, benefits = list, cautions = list }
            return #e.instructions
            """)
        #expect(result == .integer(100))
    }

    @Test func routineStepsAreBounded() throws {
        let text = try message(
            """
            local steps = {} for i = 1, 40000 do steps[i] = { exercise = 'cat-cow', reps = 5 } end
            limber.routine{ id = 'long', name = 'Long', steps = steps }
            """)
        #expect(text.contains("field 'steps': 40000 items, more than the 500"), "\(text)")
        let most = try run(
            """
            local steps = {} for i = 1, 500 do steps[i] = { exercise = 'cat-cow', reps = 5 } end
            return #limber.routine{ id = 'long', name = 'Long', steps = steps }.steps
            """)
        #expect(most == .integer(500))
    }
}

@Suite("memory per plugin")
struct PluginMemoryTests {
    @Test func aMemoryHogFailsAndTheNextPluginLoads() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "a_hog.lua",
            """
            local hoard = {}
            for i = 1, 1e9 do hoard[i] = string.rep('x', 1024 * 1024) .. i end
            """)
        try folder.write(
            "b_good.lua",
            """
            local big = {} for i = 1, 20 do big[i] = string.rep('y', 1024 * 1024) .. i end
            limber.catalogue.add{ id = 'after-hog', name = 'After hog', kind = 'static', position = 'standing',
              laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
        let host = try LimberHost(paths: LimberPaths(home: folder.url), memoryLimit: 128 << 20)
        host.pluginCPULimit = 20
        let reports = PluginLoader(host: host).load(folders: [folder.url])
        let hog = try #require(failure(reports[0]))
        #expect(hog.contains("a_hog.lua") && hog.contains("not enough memory"), "\(hog)")
        #expect(reports[1].status == .loaded, "\(reports[1].status)")
        #expect(host.catalogue.get("after-hog") != nil)
    }
}
