import Foundation
import Testing

@testable import LimberCore

@Suite("Built-in catalogue")
struct BuiltinCatalogueTests {
    static let expectedIDs: Set<String> = [
        "knee-to-chest", "worlds-greatest-stretch", "quadruped-rock-back",
        "half-kneeling-couch-stretch", "leg-swings-front-back", "leg-swings-side-to-side",
        "calf-stretch", "cat-cow", "childs-pose", "roll-down", "downward-dog",
        "modified-childs-pose", "kneeling-hip-flexor-stretch", "figure-four-stretch",
    ]

    static let perSideIDs: Set<String> = [
        "knee-to-chest", "half-kneeling-couch-stretch", "kneeling-hip-flexor-stretch",
        "figure-four-stretch", "calf-stretch", "worlds-greatest-stretch",
        "leg-swings-front-back", "leg-swings-side-to-side",
    ]

    static let coolDownIDs: Set<String> = [
        "roll-down", "downward-dog", "childs-pose", "cat-cow", "modified-childs-pose",
        "kneeling-hip-flexor-stretch", "figure-four-stretch",
    ]

    static let dynamicIDs: Set<String> = [
        "leg-swings-front-back", "leg-swings-side-to-side", "worlds-greatest-stretch",
        "quadruped-rock-back", "cat-cow", "roll-down",
    ]

    static let regionVocabulary: Set<String> = [
        "lower_back", "hips", "hip_flexors", "hamstrings", "glutes", "quads", "calves",
        "ankles", "thoracic_spine", "spine", "shoulders", "feet",
    ]

    static let exercises = BuiltinCatalogue.exercises

    private func lookup(_ id: String) throws -> Exercise {
        try #require(Catalogue.builtin.all.first { $0.id == id }, "missing \(id)")
    }

    @Test("holds exactly the fourteen moves the article names")
    func allIDsPresent() {
        let ids = Set(Self.exercises.map(\.id))
        #expect(ids == Self.expectedIDs)
        #expect(Self.exercises.count == 14)
        #expect(Catalogue.builtin.all.count == 14)
    }

    @Test("ids are unique")
    func idsUnique() {
        let ids = Self.exercises.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("every exercise validates", arguments: BuiltinCatalogue.exercises.map(\.id))
    func validates(_ id: String) throws {
        let exercise = try lookup(id)
        #expect(throws: Never.self) { try exercise.validate() }
    }

    @Test("static holds are 30–60 seconds", arguments: BuiltinCatalogue.exercises.filter { $0.kind == .static }.map(\.id))
    func staticDoses(_ id: String) throws {
        let exercise = try lookup(id)
        #expect(exercise.dose.unit == .seconds, "\(exercise.id)")
        #expect(exercise.dose.min >= 30, "\(exercise.id)")
        #expect(exercise.dose.max <= 60, "\(exercise.id)")
        #expect((30...60).contains(exercise.dose.default), "\(exercise.id)")
    }

    @Test("dynamic moves are the moving ones and are counted, not timed")
    func dynamicMoves() {
        let dynamic = Set(Self.exercises.filter { $0.kind == .dynamic }.map(\.id))
        #expect(dynamic == Self.dynamicIDs)
        for exercise in Self.exercises where exercise.kind == .dynamic {
            #expect(exercise.dose.unit != .seconds, "\(exercise.id)")
        }
    }

    @Test("article doses for the dynamic moves")
    func dynamicDoseValues() throws {
        for id in ["leg-swings-front-back", "leg-swings-side-to-side"] {
            #expect(try lookup(id).dose == Dose(unit: .reps, min: 10, max: 20, default: 15))
        }
        let worlds = try lookup("worlds-greatest-stretch").dose
        #expect(worlds.unit == .reps && worlds.min == 5 && worlds.max == 8)
        let rockBack = try lookup("quadruped-rock-back").dose
        #expect(rockBack.unit == .reps && rockBack.min == 8 && rockBack.max == 15)
        #expect(try lookup("cat-cow").dose.unit == .breaths)
    }

    @Test("per-side moves are exactly the one-sided ones")
    func laterality() {
        let perSide = Set(Self.exercises.filter { $0.laterality == .perSide }.map(\.id))
        #expect(perSide == Self.perSideIDs)
        for exercise in Self.exercises where !Self.perSideIDs.contains(exercise.id) {
            #expect(exercise.laterality == .bilateral, "\(exercise.id)")
        }
    }

    @Test("no move needs equipment")
    func noEquipment() {
        for exercise in Self.exercises {
            #expect(exercise.equipment.isEmpty, "\(exercise.id)")
        }
    }

    @Test("phases follow the article")
    func phases() throws {
        for id in Self.coolDownIDs {
            #expect(try lookup(id).phase == .cooldown, "\(id)")
        }
        for id in ["leg-swings-front-back", "leg-swings-side-to-side", "worlds-greatest-stretch", "quadruped-rock-back"] {
            #expect(try lookup(id).phase == .preRun, "\(id)")
        }
        #expect(try lookup("calf-stretch").phase == .postRun)
        for id in ["knee-to-chest", "half-kneeling-couch-stretch"] {
            let phase = try lookup(id).phase
            #expect(phase == .postRun || phase == .anytime, "\(id)")
        }
        #expect(Catalogue.builtin.find(.init(phase: .cooldown)).count == 7)
    }

    @Test("positions")
    func positions() throws {
        let expected: [String: Exercise.Position] = [
            "roll-down": .standing, "downward-dog": .quadruped, "childs-pose": .kneeling,
            "modified-childs-pose": .kneeling, "knee-to-chest": .supine, "figure-four-stretch": .supine,
            "calf-stretch": .standing, "half-kneeling-couch-stretch": .halfKneeling,
            "kneeling-hip-flexor-stretch": .halfKneeling, "worlds-greatest-stretch": .lunge,
            "leg-swings-front-back": .standing, "leg-swings-side-to-side": .standing,
            "quadruped-rock-back": .quadruped, "cat-cow": .quadruped,
        ]
        #expect(Set(expected.keys) == Self.expectedIDs)
        for (id, position) in expected {
            #expect(try lookup(id).position == position, "\(id)")
        }
    }

    @Test("regions come from the shared vocabulary", arguments: BuiltinCatalogue.exercises.map(\.id))
    func regions(_ id: String) throws {
        let exercise = try lookup(id)
        #expect(!exercise.regions.isEmpty)
        for region in exercise.regions {
            #expect(Self.regionVocabulary.contains(region), "\(exercise.id): \(region)")
        }
        #expect(!exercise.muscles.isEmpty, "\(exercise.id)")
    }

    @Test("texts: instructions, short cues, benefits, source", arguments: BuiltinCatalogue.exercises.map(\.id))
    func texts(_ id: String) throws {
        let exercise = try lookup(id)
        #expect((3...6).contains(exercise.instructions.count), "\(exercise.id)")
        #expect((2...4).contains(exercise.cues.count), "\(exercise.id)")
        for cue in exercise.cues {
            #expect(!cue.isEmpty && cue.count <= 40, "\(exercise.id): '\(cue)'")
        }
        #expect(!exercise.benefits.isEmpty, "\(exercise.id)")
        #expect(!exercise.source.isEmpty, "\(exercise.id)")
        for text in exercise.instructions + exercise.benefits + exercise.cautions {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(exercise.id)")
        }
    }

    @Test("every move carries both safety cautions", arguments: BuiltinCatalogue.exercises.map(\.id))
    func cautions(_ id: String) throws {
        let exercise = try lookup(id)
        let lowered = exercise.cautions.map { $0.lowercased() }
        #expect(lowered.contains { $0.contains("discomfort") }, "\(exercise.id)")
        #expect(lowered.contains { $0.contains("professional") }, "\(exercise.id)")
    }

    @Test("the seven cool-down moves credit the physical therapist")
    func sources() {
        for exercise in Self.exercises {
            let fromCoolDown = exercise.source.contains("Tash Gale")
            #expect(fromCoolDown == Self.coolDownIDs.contains(exercise.id), "\(exercise.id)")
        }
    }

    @Test("every alias and name leads back to its own exercise")
    func aliasesResolve() {
        for exercise in Self.exercises {
            for text in [exercise.name] + exercise.aliases {
                #expect(Catalogue.builtin.get(text)?.id == exercise.id, "'\(text)' -> \(exercise.id)")
            }
        }
    }

    @Test("lookups by everyday names")
    func everydayLookups() {
        #expect(Catalogue.builtin.get("child's pose")?.id == "childs-pose")
        #expect(Catalogue.builtin.get("Balasana")?.id == "childs-pose")
        #expect(Catalogue.builtin.get("couch stretch")?.id == "half-kneeling-couch-stretch")
        #expect(Catalogue.builtin.get("figure 4")?.id == "figure-four-stretch")
        #expect(Catalogue.builtin.get("pigeon on back")?.id == "figure-four-stretch")
        #expect(Catalogue.builtin.get("hip flexor stretch")?.id == "kneeling-hip-flexor-stretch")
        #expect(Catalogue.builtin.get("supported knee-to-chest stretch")?.id == "knee-to-chest")
    }

    @Test("a misspelt id suggests the nearest one")
    func closestID() {
        #expect(Catalogue.builtin.closestID(to: "figure-for") == "figure-four-stretch")
    }
}
