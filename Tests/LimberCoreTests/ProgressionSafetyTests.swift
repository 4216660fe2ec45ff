import Foundation
import Testing

@testable import LimberCore

/// The discomfort rule: after a session rated 7/10 or more no plan carries more load, whatever its shape.
struct ProgressionSafetyTests {
    let catalogue = Catalogue.builtin
    let base = Routine(
        id: "r", name: "R",
        steps: [
            .init(exercise: "childs-pose", hold: 30, sides: 1),
            .init(exercise: "cat-cow", reps: 8, sides: 1),
            .init(exercise: "figure-four-stretch", hold: 30, sides: 2),
        ])

    /// A session with the base plan's sets, the last one rated `discomfort`.
    func session(_ discomfort: Int?) -> ProgressionSafety.LastSession {
        .init(maxDiscomfort: discomfort, steps: base.steps)
    }

    func review(_ adjusted: Routine, last: ProgressionSafety.LastSession?, base: Routine? = nil) -> ProgressionSafety.Review {
        ProgressionSafety.review(
            base: base ?? self.base, adjusted: adjusted, progression: "p", reason: "a good week",
            last: last, catalogue: catalogue)
    }

    func with(_ change: (inout Routine) -> Void) -> Routine {
        var routine = base
        change(&routine)
        return routine
    }

    @Test func increasesPassWhenDiscomfortWasLow() {
        let adjusted = with {
            $0.steps[0].hold = 35; $0.steps[1].reps = 10; $0.steps.append(.init(exercise: "cat-cow", reps: 6, sides: 1))
        }
        let result = review(adjusted, last: session(6))
        #expect(result.routine.steps == adjusted.steps)
        #expect(
            result.changes.map(\.summary) == [
                "childs-pose hold 30 → 35 s", "cat-cow breaths 8 → 10", "cat-cow 6 breaths added",
            ])
        #expect(result.changes.allSatisfy { !$0.refused && $0.reason == "a good week" })
    }

    @Test func longerHoldsAndMoreRepsAreRefusedButDecreasesStay() {
        let adjusted = with {
            $0.steps[0].hold = 35; $0.steps[1].reps = 6; $0.steps[2].hold = 40
        }
        let result = review(adjusted, last: session(7))
        #expect(result.routine.steps[0].hold == 30, "the longer hold is refused")
        #expect(result.routine.steps[1].reps == 6, "a decrease stands")
        #expect(result.routine.steps[2].hold == 30)
        let refused = result.changes.filter(\.refused)
        #expect(refused.map(\.summary) == ["childs-pose hold 30 → 35 s", "figure-four-stretch hold 30 → 40 s"])
        #expect(
            refused[0].reason?.hasPrefix(
                "after a session rated 7/10 discomfort: childs-pose 35 s in all asked, that session had 30 s") == true)
        #expect(result.changes.filter { !$0.refused }.map(\.summary) == ["cat-cow breaths 8 → 6"])

        let reps = review(with { $0.steps[1].reps = 12 }, last: session(9))
        #expect(reps.routine.steps == base.steps)
        #expect(reps.changes.map(\.summary) == ["cat-cow breaths 8 → 12"] && reps.changes[0].refused)
    }

    @Test func addedStepsAreRefusedWhetherNewOrRepeated() {
        let repeated = review(
            with { $0.steps.insert(.init(exercise: "childs-pose", hold: 60, sides: 1), at: 1) }, last: session(8))
        #expect(repeated.routine.steps == base.steps)
        #expect(repeated.changes.count == 1)
        #expect(repeated.changes[0].field == .added && repeated.changes[0].refused && repeated.changes[0].step == 2)
        #expect(repeated.changes[0].reason?.contains("childs-pose 90 s in all asked, that session had 30 s") == true)

        let new = review(with { $0.steps.append(.init(exercise: "knee-to-chest", hold: 20, sides: 2)) }, last: session(8))
        #expect(new.routine.steps == base.steps)
        #expect(new.changes.map(\.summary) == ["knee-to-chest 20 s each side added"])
        #expect(new.changes[0].reason?.contains("that session had none") == true)
    }

    @Test func doubledSidesAreRefused() {
        let doubled = review(
            with {
                $0.steps[0].sides = 2; $0.steps[1].sides = 2
            }, last: session(7))
        #expect(doubled.routine.steps == base.steps)
        #expect(doubled.changes.map(\.summary) == ["childs-pose sides 1 → 2", "cat-cow sides 1 → 2"])
        #expect(doubled.changes.allSatisfy { $0.refused })
        // Half the hold on twice the sides is the same load: allowed.
        let halved = review(
            with {
                $0.steps[0].sides = 2; $0.steps[0].hold = 15
            }, last: session(7))
        #expect(halved.routine.steps[0] == .init(exercise: "childs-pose", hold: 15, sides: 2))
        #expect(halved.changes.allSatisfy { !$0.refused })
    }

    @Test func aMoveSwappedForALongerOneGivesItsPlaceBack() {
        let swapped = review(
            with { $0.steps[0] = .init(exercise: "half-kneeling-couch-stretch", hold: 60, sides: 2) }, last: session(9))
        #expect(swapped.routine.steps == base.steps, "the old move is back, no hole left")
        #expect(swapped.changes.count == 1)
        let change = swapped.changes[0]
        #expect(change.field == .swapped && change.refused && change.replaces == "childs-pose")
        #expect(change.summary == "childs-pose 30 s → half-kneeling-couch-stretch 60 s each side")
        #expect(change.from == 30 && change.to == 120)
        // Counted turned into held is a swap too: new load, refused.
        let measured = review(with { $0.steps[1] = .init(exercise: "cat-cow", hold: 300, sides: 1) }, last: session(9))
        #expect(measured.routine.steps == base.steps)
        #expect(measured.changes.map(\.field) == [.swapped])
    }

    @Test func manySmallIncreasesAreAllRefused() {
        let adjusted = with { routine in
            for index in routine.steps.indices {
                if let hold = routine.steps[index].hold { routine.steps[index].hold = hold + 1 }
                if let reps = routine.steps[index].reps { routine.steps[index].reps = reps + 1 }
            }
        }
        let result = review(adjusted, last: session(8))
        #expect(result.routine.steps == base.steps)
        #expect(result.changes.count == 3 && result.changes.allSatisfy { $0.refused })
        let total = PlanLoad(steps: base.steps, catalogue: catalogue).total
        #expect(result.changes[0].reason?.contains("total \(total + 1 + 5 + 2) s asked, \(total) s kept") == true)
        #expect(PlanLoad(steps: adjusted.steps, catalogue: catalogue).total > total)
    }

    @Test func aShorterRestAndFewerStepsAreAccepted() {
        let adjusted = with {
            $0.steps[0].rest = 3; $0.steps.remove(at: 1)
        }
        let result = review(adjusted, last: session(10))
        #expect(result.routine.steps == adjusted.steps)
        #expect(result.changes.map(\.summary) == ["childs-pose rest 10 → 3 s", "cat-cow 8 breaths removed"])
        #expect(result.changes.allSatisfy { !$0.refused })
        // The rest stands even when the same step's dose is refused.
        let both = review(
            with {
                $0.steps[0].rest = 3; $0.steps[0].hold = 50
            }, last: session(10))
        #expect(both.routine.steps[0] == .init(exercise: "childs-pose", hold: 30, sides: 1, rest: 3))
    }

    @Test func aPlanLongerThanTheSessionThatHurtIsHeldToIt() {
        // The session ran 20 s holds (an earlier progression's), the routine's own are 30 s.
        var hurt = base
        hurt.steps[0].hold = 20
        let last = ProgressionSafety.LastSession(maxDiscomfort: 8, steps: hurt.steps)
        let result = review(base, last: last)
        #expect(result.routine.steps[0].hold == 20, "returning the routine's own 30 s is still more load")
        #expect(result.changes.map(\.summary) == ["childs-pose hold 30 → 20 s"])
        #expect(result.changes[0].reason == "after a session rated 8/10 discomfort, kept to that session's plan")
    }

    @Test func movesTheSessionNeverReachedDoNotGrowEither() {
        let cutShort = ProgressionSafety.LastSession(maxDiscomfort: 9, steps: [base.steps[0]])
        let same = review(base, last: cutShort)
        #expect(same.routine.steps == base.steps && same.changes.isEmpty)
        let more = review(with { $0.steps[2].hold = 45 }, last: cutShort)
        #expect(more.routine.steps[2].hold == 30)
    }

    @Test func theLastSessionIsReadFromItsSets() {
        let at = Date(timeIntervalSince1970: 0)
        func set(_ exercise: String, _ side: LoggedSet.Side?, _ unit: Dose.Unit, _ planned: Double, discomfort: Int? = nil)
            -> LoggedSet
        {
            LoggedSet(
                id: 0, sessionID: 1, exercise: exercise, side: side, unit: unit, planned: planned, actual: planned,
                completed: true, discomfort: discomfort, at: at)
        }
        let last = ProgressionSafety.LastSession(sets: [
            set("childs-pose", nil, .seconds, 30), set("cat-cow", nil, .breaths, 8),
            set("figure-four-stretch", .left, .seconds, 30), set("figure-four-stretch", .right, .seconds, 30, discomfort: 7),
            set("figure-four-stretch", .left, .seconds, 25),
        ])
        #expect(last.maxDiscomfort == 7 && last.blocksGrowth)
        #expect(
            last.steps == base.steps + [.init(exercise: "figure-four-stretch", hold: 25, sides: 2)],
            "a side named means two sides planned, even when the session ended after the first")
    }

    @Test func plansAreLinedUpByExercise() {
        let moved = with { $0.steps.swapAt(0, 2) }
        let changes = PlanDiff(old: base, new: moved, catalogue: catalogue).changes(
            progression: "p", reason: nil, catalogue: catalogue)
        #expect(!changes.isEmpty, "a reordered plan is a changed plan")
        #expect(changes.allSatisfy { [.swapped, .added, .removed].contains($0.field) })
        let inserted = with { $0.steps.insert(.init(exercise: "knee-to-chest", hold: 20, sides: 2), at: 0) }
        let diff = PlanDiff(old: base, new: inserted, catalogue: catalogue)
        #expect(
            diff.changes(progression: "p", reason: nil, catalogue: catalogue).map(\.summary) == [
                "knee-to-chest 20 s each side added"
            ])
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
