import Testing

@testable import LimberCore

@Suite("Session plans")
struct SessionPlanTests {
    typealias Kind = SessionPlan.Segment.Kind

    @Test func sidesDefaultFromLateralityAndEachSideGetsTheFullHold() throws {
        let routine = Routine(
            id: "r", name: "R",
            steps: [
                .init(exercise: "childs-pose", hold: 30),
                .init(exercise: "figure-four-stretch", hold: 40),
            ], rest: 10)
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 5, switchSides: 3))
        #expect(plan.steps.map(\.sides) == [1, 2])
        let layout = plan.segments.map { "\($0.kind)@\($0.start)+\($0.seconds)" }
        #expect(
            layout == [
                "\(Kind.getReady)@0+5",
                "\(Kind.hold(step: 0, side: 1))@5+30",
                "\(Kind.rest(after: 0))@35+10",
                "\(Kind.hold(step: 1, side: 1))@45+40",
                "\(Kind.switchSides(step: 1, to: 2))@85+3",
                "\(Kind.hold(step: 1, side: 2))@88+40",
            ])
        #expect(plan.totalSeconds == 128)
        #expect(plan.setCount == 3)
    }

    @Test func noRestAfterTheLastStepAndNoGetReadyWhenZero() throws {
        let routine = Routine(
            id: "r", name: "R",
            steps: [
                .init(exercise: "childs-pose", hold: 30, rest: 20),
                .init(exercise: "downward-dog", hold: 30, rest: 20),
            ])
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 0))
        #expect(plan.segments.first?.kind == .hold(step: 0, side: 1))
        #expect(plan.segments.last?.kind == .hold(step: 1, side: 1))
        #expect(plan.steps.last?.rest == 0)
        #expect(plan.totalSeconds == 80)
    }

    @Test func countedStepsAreTimedByTempoAndHoldOverrideOnlyTouchesHolds() throws {
        let routine = Routine(
            id: "r", name: "R",
            steps: [
                .init(exercise: "cat-cow"),
                .init(exercise: "leg-swings-front-back", reps: 10, tempo: 1.5),
                .init(exercise: "calf-stretch"),
            ], rest: 0)
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 0, switchSides: 0, hold: 15))
        let catCow = plan.steps[0]
        #expect(catCow.unit == .breaths)
        #expect(catCow.amount == 8)
        #expect(catCow.seconds == 40, "8 breaths at the default 5 s a breath")
        #expect(plan.steps[1].seconds == 15)
        #expect(plan.steps[1].sides == 2)
        #expect(plan.steps[2].unit == .seconds)
        #expect(plan.steps[2].seconds == 15, "--hold replaces the default hold")
        #expect(plan.totalSeconds == 40 + 30 + 30)
    }

    @Test func aliasesResolveToCatalogueIDs() throws {
        let routine = Routine(id: "r", name: "R", steps: [.init(exercise: "Child's Pose")])
        let plan = try SessionPlan(routine: routine, catalogue: .builtin)
        #expect(plan.steps[0].exercise.id == "childs-pose")
    }
}
