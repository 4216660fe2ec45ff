import Testing

@testable import LimberCore

@Suite("Routines")
struct RoutineTests {
    let catalogue = Catalogue.builtin

    @Test func unknownExerciseNamesTheStepAndTheClosestID() {
        let routine = Routine(id: "r", name: "R", steps: [.init(exercise: "childs-pose"), .init(exercise: "rol-down")])
        #expect(
            throws: RoutineError.unknownExercise(
                field: "steps[2].exercise", .unknownExercise("rol-down", suggestion: "roll-down"))
        ) {
            try routine.validate(against: catalogue)
        }
        var message = ""
        do { try routine.validate(against: catalogue) } catch { message = error.description }
        #expect(message == "steps[2].exercise: unknown exercise 'rol-down' (did you mean 'roll-down'?)")
    }

    @Test func badFieldsAreNamed() {
        func field(_ routine: Routine) -> String? {
            do {
                try routine.validate(against: catalogue)
                return nil
            } catch {
                if case .invalidField(let field, _) = error { return field }
                return "other: \(error)"
            }
        }
        let step = Routine.Step(exercise: "childs-pose")
        #expect(field(Routine(id: "Bad Id", name: "R", steps: [step])) == "id")
        #expect(field(Routine(id: "r", name: " ", steps: [step])) == "name")
        #expect(field(Routine(id: "r", name: "R", steps: [])) == "steps")
        #expect(field(Routine(id: "r", name: "R", steps: [step, .init(exercise: "calf-stretch", sides: 3)])) == "steps[2].sides")
        #expect(field(Routine(id: "r", name: "R", steps: [.init(exercise: "calf-stretch", hold: 0)])) == "steps[1].hold")
        #expect(
            field(Routine(id: "r", name: "R", steps: [.init(exercise: "calf-stretch", hold: 30, reps: 3)])) == "steps[1].hold")
        #expect(
            field(Routine(id: "r", name: "R", steps: [.init(exercise: "childs-pose", reps: 5)])) == "steps[1].reps",
            "a held stretch is not counted in reps")
        #expect(field(Routine(id: "r", name: "R", steps: [.init(exercise: "cat-cow", reps: 8, tempo: 0)])) == "steps[1].tempo")
        #expect(field(Routine(id: "r", name: "R", steps: [.init(exercise: "cat-cow", rest: -1)])) == "steps[1].rest")
        #expect(field(Routine(id: "r", name: "R", steps: [.init(exercise: "cat-cow", reps: 8)])) == nil)
    }

    @Test func libraryRefusesDuplicatesAndSuggestsOnMisses() throws {
        var library = RoutineLibrary()
        let routine = Routine(id: "runner-cooldown", name: "Cool-down", steps: [.init(exercise: "childs-pose")])
        try library.add(routine, catalogue: catalogue)
        #expect(throws: RoutineError.duplicateID("runner-cooldown")) { try library.add(routine, catalogue: catalogue) }
        #expect(throws: RoutineError.unknownRoutine("runner-cooldwn", suggestion: "runner-cooldown")) {
            try library.require("runner-cooldwn")
        }
        #expect(try library.require("runner-cooldown") == routine)
    }
}
