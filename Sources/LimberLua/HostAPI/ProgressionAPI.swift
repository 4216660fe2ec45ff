import Foundation
import LimberCore

extension HostAPI {
    static var progressionFunctions: [APIFunction] {
        [
            APIFunction(
                "progression",
                summary: "Defines a progression: a rule that adjusts a routine's plan for today from the logged history.",
                parameters: [.init("progression", "limber.Progression", "id, routine, describe and adjust")],
                example: """
                    limber.progression{ id = 'longer-holds', routine = 'runner-cooldown',
                      describe = 'holds grow 5 s after each completed session, up to 60 s',
                      adjust = function(plan, history, ctx)
                        local done = 0
                        for _, s in ipairs(history) do if s.completed then done = done + 1 end end
                        for _, step in ipairs(plan.steps) do
                          if step.hold then step.hold = math.min(60, step.hold + 5 * done) end
                        end
                        return plan, done .. ' completed sessions'
                      end }
                    """
            ) { host, call in
                var table = try call.table(1, "progression")
                let override = table["override"] == .boolean(true)
                table["override"] = .nil
                let fields = try LuaValueDecoder().decode(ProgressionFields.self, from: .table(table.removing("adjust")))
                guard case .function = table["adjust"] else {
                    throw LuaError.conversion(
                        "field 'adjust': expected a function(plan, history, ctx), got \(table["adjust"].typeName)")
                }
                guard Exercise.isSlug(fields.id) else {
                    throw LuaError.conversion(
                        "field 'id': expected a slug of lower-case letters, digits and '-', got '\(fields.id)'")
                }
                try host.progressions.add(
                    ProgressionDefinition(
                        id: fields.id, routine: fields.routine, describe: fields.describe,
                        source: host.currentSource ?? "a script", adjust: table["adjust"]),
                    override: override)
                host.recordDefinition(kind: "progression", id: fields.id)
                return []
            }
        ]
    }

    static var progressionClasses: [APIClass] {
        [
            APIClass(
                "limber.Progression", summary: "A rule that adjusts today's plan of one routine.",
                fields: [
                    .init("id", "string", "slug naming the progression"),
                    .init("routine", "string", "the routine it adjusts"),
                    .init("describe", "string", "the rule in one sentence, shown by `limber plan`"),
                    .init(
                        "adjust",
                        "fun(plan: limber.Routine, history: limber.Session[], ctx: limber.ProgressionContext): limber.Routine?, string?",
                        "returns the adjusted plan (nil: unchanged) and why; after a session rated ctx.discomfort_limit or more, limber refuses any added load"
                    ),
                    .init("override", "boolean?", "replace a progression with the same id"),
                ]),
            APIClass(
                "limber.ProgressionContext", summary: "What an `adjust` function knows besides the plan and history.",
                fields: [
                    .init("now", "integer", "seconds since 1970"),
                    .init("today", "string", "the local day, YYYY-MM-DD"),
                    .init("last_discomfort", "integer?", "the highest discomfort (0–10) of the routine's last session"),
                    .init(
                        "discomfort_limit", "integer",
                        "the discomfort (0–10) from which limber refuses any added load in the next plan (7)"),
                    .init("last_run", "limber.Session?", "the last run (seconds, distance_m, sport, file), imported or logged"),
                ]),
        ]
    }

    private struct ProgressionFields: Decodable {
        var id: String
        var routine: String
        var describe: String
    }
}

extension LuaTable {
    /// The table without one string key.
    func removing(_ key: String) -> LuaTable {
        var copy = self
        copy[key] = .nil
        return copy
    }
}
