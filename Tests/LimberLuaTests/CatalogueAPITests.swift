import Foundation
import LimberCore
import Testing

@testable import LimberLua

@Suite("limber.catalogue and the limber table")
struct CatalogueAPITests {
    let host: LimberHost

    init() throws {
        host = try LimberHost(paths: LimberPaths(home: URL(fileURLWithPath: "/nonexistent/limber-test")))
    }

    @Test func allReturnsEveryBuiltInExercise() throws {
        let result = try host.lua.run("return #limber.catalogue.all(), limber.catalogue.all()[1].id", chunkName: "=t")
        #expect(result[0] == .integer(Int64(Catalogue.builtin.all.count)))
        #expect(result[1].stringValue == Catalogue.builtin.all.first?.id)
    }

    @Test func getFindsByIdAliasAndReportsTheClosestMatch() throws {
        let result = try host.lua.run(
            """
            local e = limber.catalogue.get('cat-cow')
            local missing, why = limber.catalogue.get('figure-for')
            return e.name, e.dose.unit, e.laterality, missing, why
            """, chunkName: "=t")
        #expect(result[0].stringValue == Catalogue.builtin.get("cat-cow")?.name)
        #expect(result[3] == .nil)
        #expect(result[4].stringValue == "unknown exercise 'figure-for' (did you mean 'figure-four-stretch'?)")
    }

    @Test func findFiltersByEveryField() throws {
        let result = try host.lua.run(
            """
            local ids = {}
            for _, e in ipairs(limber.catalogue.find{ phase = 'pre_run', kind = 'dynamic' }) do ids[#ids + 1] = e.id end
            return ids
            """, chunkName: "=t")
        let expected = Catalogue.builtin.find(.init(phase: .preRun, kind: .dynamic)).map { LuaValue.string($0.id) }
        #expect(!expected.isEmpty)
        #expect(try result[0].tableValue?.array() == expected)
    }

    @Test func findRejectsAnUnknownPhaseNamingTheField() throws {
        do {
            try host.lua.run("limber.catalogue.find{ phase = 'lunchtime' }", chunkName: "@t.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("t.lua:1: limber.catalogue.find: "))
            #expect(error.message.contains("phase"))
            #expect(error.message.contains("lunchtime"))
        }
    }

    @Test func addValidatesAndNamesTheBadField() throws {
        let good = """
            return limber.catalogue.add{ id = 'wall-calf-stretch', name = 'Wall calf stretch', kind = 'static',
              position = 'standing', laterality = 'per_side', phase = 'post_run',
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 }, regions = { 'calves' } }
            """
        let added = try host.lua.run(good, chunkName: "=t")
        #expect(added[0].tableValue?["id"].stringValue == "wall-calf-stretch")
        #expect(host.catalogue.get("wall-calf-stretch") != nil)

        do {
            try host.lua.run(
                """
                limber.catalogue.add{ id = 'bad', name = 'Bad', kind = 'static', position = 'standing',
                  laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
                  dose = { unit = 'seconds', min = 30, max = 60, default = 90 } }
                """, chunkName: "@plugins/bad.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("plugins/bad.lua:1: limber.catalogue.add: "))
            #expect(error.message.contains("dose.default"))
        }
        do {
            try host.lua.run("limber.catalogue.add{ id = 'x', name = 'X' }", chunkName: "=t")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("kind") || error.message.contains("missing"))
        }
    }

    @Test func addRefusesADuplicateID() throws {
        do {
            try host.lua.run(
                """
                limber.catalogue.add{ id = 'cat-cow', name = 'Again', kind = 'dynamic', position = 'quadruped',
                  laterality = 'bilateral', phase = 'anytime', regions = { 'spine' },
                  dose = { unit = 'reps', min = 5, max = 10, default = 5 } }
                """, chunkName: "=t")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.message.hasSuffix(
                    "exercise 'cat-cow' is already defined by the built-in catalogue; set override = true to replace it"))
        }
    }

    @Test func theLimberTableIsReadOnly() throws {
        let attempts = [
            "limber.catalogue = {}",
            "limber.catalogue.get = function() end",
            "limber.new_thing = 1",
            "setmetatable(limber, {})",
            "rawset(limber, 'x', 1)",
            "getmetatable(limber).__index = {}",
        ]
        for attempt in attempts {
            #expect(throws: LuaError.self, "\(attempt) must fail") {
                try host.lua.run(attempt, chunkName: "=t")
            }
        }
        let message = try host.lua.run(
            "local ok, err = pcall(function() limber.catalogue.get = nil end) return err", chunkName: "=t")
        #expect(message[0].stringValue?.contains("cannot assign to 'limber.catalogue.get': the limber API is read-only") == true)
        let still = try host.lua.run("return type(limber.catalogue.get), limber.api_version", chunkName: "=t")
        #expect(still == ["function", 1])
    }

    @Test func pairsListsTheAPIWithoutExposingIt() throws {
        let result = try host.lua.run(
            """
            local names = {}
            for k in pairs(limber.catalogue) do names[#names + 1] = k end
            table.sort(names)
            return table.concat(names, ',')
            """, chunkName: "=t")
        #expect(result[0].stringValue == "add,all,find,get")
    }
}
