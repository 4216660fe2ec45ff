import Foundation
import LimberTestSupport
import Testing

/// `limber plan` after a painful session: every change and every refusal, in text and JSON.
@Suite("limber plan report", .serialized)
struct PlanReportTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        try home.write(
            "extra/evening.lua",
            """
            limber.routine{ id = 'evening', name = 'Evening', steps = {
              { exercise = 'childs-pose', hold = 30 }, { exercise = 'cat-cow', reps = 8 },
              { exercise = 'figure-four-stretch', hold = 30 } } }
            """)
        // Reshapes the plan: doubles a side, adds a step, swaps a move for a longer one, shortens a rest.
        try home.write(
            "extra/reshape.lua",
            """
            limber.progression{ id = 'reshape', routine = 'evening', describe = 'more of everything',
              adjust = function(plan, history, ctx)
                plan.steps[1].sides = 2
                plan.steps[1].rest = 3
                plan.steps[2] = { exercise = 'half-kneeling-couch-stretch', hold = 60 }
                plan.steps[#plan.steps + 1] = { exercise = 'knee-to-chest', hold = 45 }
                return plan, 'limit ' .. ctx.discomfort_limit
              end }
            """)
    }

    func logSession(discomfort: Int) throws {
        try home.write(
            "record.lua",
            """
            limber.log.record{ routine = 'evening', sets = {
              { exercise = 'childs-pose', hold = 30 }, { exercise = 'cat-cow', breaths = 8 },
              { exercise = 'figure-four-stretch', side = 'left', hold = 30 },
              { exercise = 'figure-four-stretch', side = 'right', hold = 30, discomfort = \(discomfort) } } }
            """)
        let recorded = try limber.run(["run", home.path("record.lua"), "--plugins", home.path("extra")])
        #expect(recorded.status == 0, "\(recorded.stderr)")
    }

    struct Plan: Decodable {
        struct Step: Decodable, Equatable {
            let exercise: String
            let amount: Int
            let sides: Int
            let rest: Int
        }
        struct Change: Decodable {
            let progression: String
            let step: Int
            let exercise: String
            let field: String
            let summary: String
            let reason: String?
            let refused: Bool
            let replaces: String?
        }
        let steps: [Step]
        let progressions: [Change]
    }

    @Test func afterPainTheReshapedPlanIsRefusedAndEveryRefusalShown() throws {
        try logSession(discomfort: 8)
        let text = try limber.run(["plan", "evening", "--plugins", home.path("extra")])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("no change today"))
        #expect(text.stdout.contains("    step 1: childs-pose rest 10 → 3 s: limit 7\n"), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "    refused: step 1: childs-pose sides 1 → 2: after a session rated 8/10 discomfort: childs-pose 60 s in all asked, that session had 30 s"
            ))
        #expect(
            text.stdout.contains(
                "    refused: step 2: cat-cow 8 breaths → half-kneeling-couch-stretch 60 s each side: after a session rated 8/10")
        )
        #expect(
            text.stdout.contains(
                "    refused: step 4: knee-to-chest 45 s each side added: after a session rated 8/10 discomfort: knee-to-chest 90 s in all asked, that session had none"
            ))

        let json = try limber.run(["plan", "evening", "--json", "--plugins", home.path("extra")])
        let plan = try JSONDecoder().decode(Plan.self, from: Data(json.stdout.utf8))
        #expect(
            plan.steps == [
                .init(exercise: "childs-pose", amount: 30, sides: 1, rest: 3),
                .init(exercise: "cat-cow", amount: 8, sides: 1, rest: 10),
                .init(exercise: "figure-four-stretch", amount: 30, sides: 2, rest: 0),
            ], "the session's plan, with the shorter rest")
        #expect(plan.progressions.map(\.field) == ["rest", "sides", "swapped", "added"])
        #expect(plan.progressions.map(\.refused) == [false, true, true, true])
        #expect(plan.progressions[2].replaces == "cat-cow" && plan.progressions[2].exercise == "half-kneeling-couch-stretch")
        #expect(plan.progressions.allSatisfy { $0.progression == "reshape" && $0.reason != nil })
    }

    @Test func withoutPainEveryChangeIsListedAndKept() throws {
        try logSession(discomfort: 6)
        let text = try limber.run(["plan", "evening", "--plugins", home.path("extra")])
        #expect(
            text.stdout.contains(
                """
                  reshape: more of everything
                    step 1: childs-pose sides 1 → 2: limit 7
                    step 1: childs-pose rest 10 → 3 s: limit 7
                    step 2: cat-cow 8 breaths → half-kneeling-couch-stretch 60 s each side: limit 7
                    step 4: knee-to-chest 45 s each side added: limit 7

                """), "\(text.stdout)")
        #expect(!text.stdout.contains("refused"))
        let json = try limber.run(["plan", "evening", "--json", "--plugins", home.path("extra")])
        let plan = try JSONDecoder().decode(Plan.self, from: Data(json.stdout.utf8))
        #expect(
            plan.steps.map(\.exercise) == ["childs-pose", "half-kneeling-couch-stretch", "figure-four-stretch", "knee-to-chest"])
        #expect(plan.progressions.count == 4 && plan.progressions.allSatisfy { !$0.refused })
    }

    @Test func aProgressionThatChangesNothingSaysSo() throws {
        try home.write(
            "extra/reshape.lua",
            """
            limber.progression{ id = 'reshape', routine = 'evening', describe = 'nothing', adjust = function(plan) return plan end }
            """)
        let text = try limber.run(["plan", "evening", "--plugins", home.path("extra")])
        #expect(text.stdout.contains("  reshape: nothing\n    no change today\n"), "\(text.stdout)")
    }
}
