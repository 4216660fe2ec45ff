import Foundation
import LimberCore
import Testing

@testable import LimberLua

/// A model with one of everything a plugin-facing record uses.
private struct Plan: Codable, Equatable {
    enum Kind: String, Codable, CaseIterable { case `static`, dynamic }

    struct Step: Codable, Equatable {
        var exercise: String
        var hold: Double
        var sides: Int?
    }

    struct Dose: Codable, Equatable {
        var min: Int
        var max: Int
    }

    var name: String
    var kind: Kind
    var note: String?
    var steps: [Step]
    var tags: [String: Int]
    var smallest: Int64
    var largest: Int64
    var ratio: Double
    var enabled: Bool
    var text: String
    var raw: LuaString
    var startedAt: Date
    var dose: Dose
    var restAfter: Int

    enum CodingKeys: String, CodingKey {
        case name, kind, note, steps, tags, smallest, largest, ratio, enabled, text, raw, dose
        case startedAt = "started_at"
        case restAfter = "rest_after"
    }

    static let sample = Plan(
        name: "cool-down", kind: .static, note: nil,
        steps: [Step(exercise: "knee-to-chest", hold: 30, sides: 2), Step(exercise: "cat-cow", hold: 1.5, sides: nil)],
        tags: ["easy": 1, "after run": 2], smallest: .min, largest: .max, ratio: 0.1, enabled: true,
        text: "é ✓ 🏃 a\u{0}b", raw: LuaString(bytes: [0, 0xFF, 0x41, 0xC3]),
        startedAt: Date(timeIntervalSince1970: 1_700_000_000.25), dose: Dose(min: 30, max: 60), restAfter: 10)
}

/// Every field optional: an empty table is a valid value.
private struct Options: Codable, Equatable {
    var voice: Bool?
    var volume: Double?
    var steps: [Int]?
}

private struct Small: Codable, Equatable {
    var id: String
    var n: Int
    var list: [Int]
}

private struct Narrow: Codable, Equatable {
    var small: Int8
    var count: UInt16
}

private func decode<T: Decodable>(_ type: T.Type, _ value: LuaValue, rejectingUnknownKeys: Bool = true) throws(LuaError) -> T {
    var decoder = LuaValueDecoder()
    decoder.rejectsUnknownKeys = rejectingUnknownKeys
    return try decoder.decode(type, from: value)
}

/// The conversion message thrown when decoding `value` as `T`, or nil when it decodes.
private func failure<T: Decodable>(_ type: T.Type, _ value: LuaValue) -> String? {
    do {
        _ = try decode(type, value)
        return nil
    } catch {
        guard case .conversion(let message) = error else { return "not a conversion error: \(error)" }
        return message
    }
}

/// A valid `Plan` table, as a plugin would write it; tests break one field at a time.
private var planTable: LuaValue {
    [
        "name": "cool-down", "kind": "static",
        "steps": [["exercise": "knee-to-chest", "hold": 30], ["exercise": "cat-cow", "hold": 1.5, "sides": 2]],
        "tags": [:], "smallest": 0, "largest": 1, "ratio": 1, "enabled": false, "text": "t", "raw": "r",
        "started_at": 0, "dose": ["min": 30, "max": 60], "rest_after": 0,
    ]
}

private func planTable(setting path: [String], to value: LuaValue) -> LuaValue {
    func set(_ table: LuaValue, _ path: ArraySlice<String>) -> LuaValue {
        guard let key = path.first, var copy = table.tableValue else { return value }
        let lookup: LuaKey = Int64(key).map { .integer($0) } ?? .string(LuaString(key))
        copy[lookup] = path.count == 1 ? value : set(copy[lookup], path.dropFirst())
        return .table(copy)
    }
    return set(planTable, path[...])
}

@Suite("Codable ↔ LuaValue")
struct LuaValueCodableTests {
    // MARK: Round trips

    @Test func nestedModelRoundTripsWithLuaShapes() throws {
        let value = try LuaValueEncoder().encode(Plan.sample)
        guard let table = value.tableValue else { Issue.record("a struct encodes as a table"); return }
        #expect(table["smallest"] == .integer(.min))
        #expect(table["largest"] == .integer(.max))
        if case .number = table["rest_after"] { Issue.record("an Int must encode as a Lua integer") }
        if case .integer = table["ratio"] { Issue.record("a Double must encode as a Lua float") }
        #expect(table["ratio"] == .number(0.1))
        #expect(table["kind"] == "static")
        #expect(table["note"] == .nil)
        #expect(!table.entries.keys.contains(.string("note")), "nil leaves the key out")
        #expect(table["started_at"] == .number(1_700_000_000.25))
        #expect(table["raw"] == .string(LuaString(bytes: [0, 0xFF, 0x41, 0xC3])))
        #expect(table["tags"] == ["easy": 1, "after run": 2])
        let steps = try #require(table["steps"].tableValue)
        #expect(steps.isArray)
        #expect(try steps.array().count == 2)
        #expect(steps[.integer(2)].tableValue?["sides"] == .nil)
        #expect(try LuaValueDecoder().decode(Plan.self, from: value) == Plan.sample)
    }

    @Test func encodedValuesSurviveARealLuaState() throws {
        let lua = try LuaState()
        try lua.setGlobal("plan", try LuaValueEncoder().encode(Plan.sample))
        let back = try lua.run(
            "assert(math.type(plan.largest) == 'integer' and plan.steps[2].exercise == 'cat-cow'); return plan",
            chunkName: "=t")
        #expect(try LuaValueDecoder().decode(Plan.self, from: back[0]) == Plan.sample)
    }

    @Test func decodesATableMadeByLua() throws {
        let values = try LuaState().run("return {id='x', n=3, list={1,2}}", chunkName: "=t")
        #expect(try decode(Small.self, values[0]) == Small(id: "x", n: 3, list: [1, 2]))
    }

    @Test func integerKeyedDictionariesUseIntegerKeys() throws {
        let byWeek: [Int: String] = [1: "easy", 3: "hard"]
        let value = try LuaValueEncoder().encode(byWeek)
        #expect(value.tableValue?[.integer(3)] == "hard")
        #expect(try decode([Int: String].self, value) == byWeek)
        let fromLua = try LuaState().run("return {[2] = 'a', [10] = 'b'}", chunkName: "=t")
        #expect(try decode([Int: String].self, fromLua[0]) == [2: "a", 10: "b"])
    }

    @Test func nilInsideAnArrayIsAnEncodingErrorNotAHole() {
        struct Series: Encodable { var values: [Int?] }
        #expect(throws: LuaError.conversion("field 'values[2]': a Lua array cannot hold nil")) {
            try LuaValueEncoder().encode(Series(values: [1, nil, 3]))
        }
    }

    @Test func integersBeyondLuaRangeAreRefusedWhenEncoding() {
        struct Big: Encodable { var n: UInt64 }
        #expect(throws: LuaError.conversion("field 'n': 18446744073709551615 does not fit in a Lua integer")) {
            try LuaValueEncoder().encode(Big(n: .max))
        }
    }

    @Test func nestedAndSuperContainersRoundTrip() throws {
        let value = try LuaValueEncoder().encode(Timed(label: "warm-up", seconds: 90))
        #expect(value.tableValue?["super"].tableValue?["label"] == "warm-up")
        #expect(value.tableValue?["timing"].tableValue?["seconds"] == .integer(90))
        let back = try decode(Timed.self, value)
        #expect(back.label == "warm-up" && back.seconds == 90)
        #expect(throws: LuaError.conversion("unknown field 'lable' in super (did you mean 'label'?)")) {
            try decode(Timed.self, ["super": ["lable": "x"], "timing": ["seconds": 1]])
        }
    }

    // MARK: Error messages name the field

    @Test func wrongTypeNamesTheDottedField() {
        #expect(
            failure(Plan.self, planTable(setting: ["dose", "min"], to: "thirty"))
                == "field 'dose.min': expected an integer, got string \"thirty\"")
    }

    @Test func arrayElementsAreCountedFromOne() {
        #expect(
            failure(Plan.self, planTable(setting: ["steps", "2", "hold"], to: true))
                == "field 'steps[2].hold': expected a number, got boolean")
    }

    @Test func missingFieldIsNamed() {
        #expect(failure(Plan.self, planTable(setting: ["name"], to: .nil)) == "missing field 'name'")
        #expect(failure(Plan.self, planTable(setting: ["dose", "max"], to: .nil)) == "missing field 'dose.max'")
    }

    @Test func badEnumValueListsTheAllowedOnes() {
        #expect(
            failure(Plan.self, planTable(setting: ["kind"], to: "stretchy"))
                == "field 'kind': 'stretchy' is not one of static, dynamic")
        #expect(
            failure(Plan.self, planTable(setting: ["kind"], to: 3))
                == "field 'kind': expected one of static, dynamic, got number 3")
    }

    @Test func unknownKeyIsRefusedWithASuggestion() {
        let typo = planTable(setting: ["steps", "1"], to: ["exercise": "knee-to-chest", "holdd": 30])
        #expect(failure(Plan.self, typo) == "unknown field 'holdd' in steps[1] (did you mean 'hold'?)")
        #expect(failure(Plan.self, planTable(setting: ["colour"], to: "red")) == "unknown field 'colour'")
        #expect(failure(Plan.self, planTable(setting: ["nmae"], to: "x")) == "unknown field 'nmae' (did you mean 'name'?)")
    }

    @Test func aNearSpellingThatIsItselfAFieldIsNotCalledATypo() {
        struct Hold: Decodable { var hold: Int; var holds: Int? }
        #expect(failure(Hold.self, ["holds": 1]) == "missing field 'hold'")
    }

    @Test func unknownKeysCanBeAllowed() throws {
        let extra = planTable(setting: ["dose", "unit"], to: "seconds")
        #expect(failure(Plan.self, extra) == "unknown field 'unit' in dose")
        #expect(try decode(Plan.self, extra, rejectingUnknownKeys: false).dose == Plan.Dose(min: 30, max: 60))
    }

    @Test func stringsMustBeStrings() {
        #expect(failure(Small.self, ["id": 7, "n": 1, "list": []]) == "field 'id': expected a string, got number 7")
        #expect(
            failure(Small.self, ["id": .string(LuaString(bytes: [0xFF])), "n": 1, "list": []])
                == "field 'id': expected UTF-8 text, got a string with invalid UTF-8 bytes")
    }

    // MARK: Numbers

    @Test func floatWithAnIntegerValueIsAnInteger() throws {
        #expect(try decode(Small.self, ["id": "x", "n": 2.0, "list": [1.0, 2]]) == Small(id: "x", n: 2, list: [1, 2]))
    }

    @Test func floatWithAFractionIsNotAnInteger() {
        #expect(failure(Small.self, ["id": "x", "n": 2.5, "list": []]) == "field 'n': expected an integer, got number 2.5")
        #expect(
            failure(Small.self, ["id": "x", "n": 1, "list": [1, 2.5]])
                == "field 'list[2]': expected an integer, got number 2.5")
    }

    @Test func doublesAcceptIntegersAndFloats() throws {
        #expect(try decode(Double.self, 3) == 3.0)
        #expect(try decode(Double.self, 2.5) == 2.5)
        #expect(try decode(Float.self, 2) == 2)
    }

    @Test func narrowIntegersAreRangeChecked() throws {
        #expect(try decode(Narrow.self, ["small": -128, "count": 65535]) == Narrow(small: -128, count: 65535))
        #expect(
            failure(Narrow.self, ["small": 300, "count": 1])
                == "field 'small': expected an integer from -128 to 127, got 300")
        #expect(
            failure(Narrow.self, ["small": 1, "count": -1])
                == "field 'count': expected an integer from 0 to 65535, got -1")
    }

    @Test func everyStandardIntegerAndFloatTypeDecodesWithItsRange() throws {
        func check<I: FixedWidthInteger & Decodable>(_ type: I.Type) throws {
            #expect(try decode(I.self, .integer(Int64(I.min))) == I.min)
            if I.max <= Int64.max { #expect(try decode(I.self, .integer(Int64(I.max))) == I.max) }
            #expect(try decode([I].self, [1, 2.0]) == [1, 2])
            if I.bitWidth < 64 {
                #expect(
                    failure(I.self, .integer(Int64(I.max) + 1))
                        == "expected an integer from \(I.min) to \(I.max), got \(Int64(I.max) + 1)")
            }
            #expect(failure(I.self, "1") == "expected an integer, got string \"1\"")
        }
        try check(Int.self)
        try check(Int8.self)
        try check(Int16.self)
        try check(Int32.self)
        try check(Int64.self)
        try check(UInt.self)
        try check(UInt8.self)
        try check(UInt16.self)
        try check(UInt32.self)
        try check(UInt64.self)
        #expect(try decode([Float].self, [1, 2.5]) == [1, 2.5])
        #expect(try decode([Double].self, [1, 2.5]) == [1, 2.5])
        #expect(failure(Double.self, true) == "expected a number, got boolean")
    }

    @Test func datesAreSecondsSince1970() throws {
        #expect(try LuaValueEncoder().encode(Date(timeIntervalSince1970: 60)) == .number(60))
        #expect(try decode(Date.self, 60) == Date(timeIntervalSince1970: 60))
        #expect(failure(Date.self, "today") == "expected a number of seconds since 1970, got string \"today\"")
    }

    // MARK: Arrays

    @Test func holeyOrMixedTablesAreNotArrays() throws {
        let values = try LuaState().run("return {1, nil, 3}, {1, 2, x = 3}", chunkName: "=t")
        #expect(
            failure(Small.self, ["id": "x", "n": 1, "list": values[0]])
                == "field 'list': expected an array, but it has a hole: index 2 is nil and 3 is set")
        #expect(
            failure(Small.self, ["id": "x", "n": 1, "list": values[1]])
                == "field 'list': expected an array (keys 1..n), found key 'x'")
        #expect(failure([Int].self, "1,2") == "expected an array, got string \"1,2\"")
    }

    @Test func emptyTableIsAnEmptyArrayAndAnEmptyRecord() throws {
        let empty: LuaValue = .table(LuaTable())
        #expect(try decode([String].self, empty) == [])
        #expect(try decode([String: Int].self, empty) == [:])
        #expect(try decode(Options.self, empty) == Options())
        #expect(try decode(Options.self, ["steps": [:]]) == Options(steps: []))
    }

    // MARK: Exercises from plugins

    @Test func minimalExerciseTableDecodesWithDefaults() throws {
        let values = try LuaState().run(
            """
            return { id = "wall-calf", name = "Wall Calf Stretch", kind = "static", position = "standing",
                     laterality = "per_side", phase = "post_run", regions = { "calves" },
                     dose = { unit = "seconds", min = 30, max = 60, default = 45 } }
            """, chunkName: "=plugin")
        let exercise = try decode(Exercise.self, values[0])
        #expect(exercise.id == "wall-calf")
        #expect(exercise.laterality == .perSide)
        #expect(exercise.dose == Dose(unit: .seconds, min: 30, max: 60, default: 45))
        #expect(exercise.aliases.isEmpty && exercise.muscles.isEmpty && exercise.equipment.isEmpty)
        #expect(exercise.instructions.isEmpty && exercise.cues.isEmpty)
        #expect(exercise.benefits.isEmpty && exercise.cautions.isEmpty)
        #expect(exercise.source == "user")
        try exercise.validate()
    }

    @Test func exerciseErrorsNameTheField() throws {
        var table = try #require(try LuaValueEncoder().encode(Catalogue.builtin.all[0]).tableValue)
        table["dose"] = ["unit": "seconds", "min": 30, "max": 60, "default": 90]
        let decoded = try decode(Exercise.self, .table(table))
        #expect(throws: CatalogueError.invalidField(field: "dose.default", reason: "must lie between 30 and 60, got 90")) {
            try decoded.validate()
        }
        table["dose"] = ["unit": "seconds", "min": 30, "max": 60, "default": "forty"]
        #expect(failure(Exercise.self, .table(table)) == "field 'dose.default': expected an integer, got string \"forty\"")
        table["dose"] = ["unit": "minutes", "min": 1, "max": 2, "default": 1]
        #expect(failure(Exercise.self, .table(table)) == "field 'dose.unit': 'minutes' is not one of seconds, reps, breaths")
        table["dose"] = .nil
        #expect(failure(Exercise.self, .table(table)) == "missing field 'dose'")
        table["dose"] = ["unit": "reps", "min": 1, "max": 2, "default": 1]
        table["position"] = .nil
        #expect(failure(Exercise.self, .table(table)) == "missing field 'position'")
    }

    @Test func exercisesEncodeEveryFieldAndRoundTrip() throws {
        for exercise in Catalogue.builtin.all {
            let value = try LuaValueEncoder().encode(exercise)
            let keys = Set(value.tableValue?.entries.keys.map(\.description) ?? [])
            let fields = Set(Mirror(reflecting: exercise).children.compactMap(\.label))
            #expect(keys == fields)
            #expect(try decode(Exercise.self, value) == exercise)
        }
        let json = try JSONEncoder().encode(Catalogue.builtin.all)
        #expect(try JSONDecoder().decode([Exercise].self, from: json) == Catalogue.builtin.all)
    }
}

/// A class that keeps its parent's fields under `super` and its own in a nested container.
private class Labelled: Codable {
    var label: String
    init(label: String) { self.label = label }
}

private final class Timed: Labelled {
    var seconds: Int

    private enum CodingKeys: String, CodingKey { case timing }
    private enum TimingKeys: String, CodingKey { case seconds }

    init(label: String, seconds: Int) {
        self.seconds = seconds
        super.init(label: label)
    }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timing = try container.nestedContainer(keyedBy: TimingKeys.self, forKey: .timing)
        seconds = try timing.decode(Int.self, forKey: .seconds)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var timing = container.nestedContainer(keyedBy: TimingKeys.self, forKey: .timing)
        try timing.encode(seconds, forKey: .seconds)
        try super.encode(to: container.superEncoder())
    }
}
