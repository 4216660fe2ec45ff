import Testing
@testable import LimberCore

struct ProgressionSafetyTests {
    let base = Routine(
        id: "r", name: "R",
        steps: [.init(exercise: "childs-pose", hold: 30), .init(exercise: "cat-cow", reps: 8)])

    func adjusted(hold: Int, reps: Int) -> Routine {
        var routine = base
        routine.steps[0].hold = hold
        routine.steps[1].reps = reps
        return routine
    }

    @Test func increasesPassWhenDiscomfortWasLow() {
        let (routine, changes) = ProgressionSafety.review(
            base: base, adjusted: adjusted(hold: 35, reps: 10), progression: "p", reason: "a good week",
            last: .init(maxDiscomfort: 6, planned: ["childs-pose": 30]))
        #expect(routine.steps[0].hold == 35 && routine.steps[1].reps == 10)
        #expect(changes == [
            ProgressionChange(progression: "p", step: 1, exercise: "childs-pose", field: .hold, from: 30, to: 35, reason: "a good week"),
            ProgressionChange(progression: "p", step: 2, exercise: "cat-cow", field: .reps, from: 8, to: 10, reason: "a good week"),
        ])
        #expect(changes[0].summary == "childs-pose hold 30 → 35 s")
    }

    @Test func noIncreaseAfterHighDiscomfortButDecreasesStay() {
        let (routine, changes) = ProgressionSafety.review(
            base: base, adjusted: adjusted(hold: 35, reps: 6), progression: "p", reason: nil,
            last: .init(maxDiscomfort: 7, planned: [:]))
        #expect(routine.steps[0].hold == 30, "the increase is refused")
        #expect(routine.steps[1].reps == 6, "a decrease is always allowed")
        #expect(changes[0].refused == 35 && changes[0].to == 30)
        #expect(changes[0].reason == "the last session was rated 7/10 discomfort")
        #expect(changes[0].summary == "childs-pose hold stays 30 s (not 35 s)")
        #expect(changes[1].to == 6 && changes[1].refused == nil)
    }

    @Test func afterHighDiscomfortTheLastSessionsDoseIsTheCeiling() {
        let (routine, changes) = ProgressionSafety.review(
            base: base, adjusted: adjusted(hold: 45, reps: 8), progression: "p", reason: nil,
            last: .init(maxDiscomfort: 9, planned: ["childs-pose": 40]))
        #expect(routine.steps[0].hold == 40, "no more than the session that hurt")
        #expect(changes == [
            ProgressionChange(
                progression: "p", step: 1, exercise: "childs-pose", field: .hold, from: 30, to: 40,
                reason: "the last session was rated 9/10 discomfort", refused: 45),
        ])
        #expect(changes[0].summary == "childs-pose hold 30 → 40 s (not 45 s)")
    }

    @Test func resolvedFillsDefaultsFromTheCatalogue() throws {
        let routine = Routine(id: "r", name: "R", steps: [.init(exercise: "figure-four-stretch"), .init(exercise: "cat-cow")])
        let resolved = routine.resolved(in: .builtin)
        let figureFour = try #require(Catalogue.builtin.get("figure-four-stretch"))
        #expect(resolved.steps[0].hold == figureFour.dose.default)
        #expect(resolved.steps[0].sides == 2)
        #expect(resolved.steps[1].reps == Catalogue.builtin.get("cat-cow")?.dose.default)
        #expect(resolved.steps[1].hold == nil && resolved.steps[1].sides == 1)
    }
}
