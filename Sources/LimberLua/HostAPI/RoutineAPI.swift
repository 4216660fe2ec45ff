import LimberCore

extension HostAPI {
    static var routineFunctions: [APIFunction] {
        [
            APIFunction(
                "routine",
                summary:
                    "Defines a routine for guided sessions, checked against the catalogue; a bad field is an error that names it.",
                parameters: [
                    .init(
                        "routine", "limber.Routine",
                        "id, name, steps, and optionally phase, summary, rest; override = true replaces one with the same id")
                ],
                results: [.init("limber.RoutineInfo", "the routine as stored, with its planned length")],
                example: """
                    limber.routine{ id = 'desk-break', name = 'Desk break', phase = 'anytime', rest = 5,
                      steps = { { exercise = 'cat-cow', reps = 6 }, { exercise = 'calf-stretch', hold = 30 } } }
                    """
            ) { host, call in
                var table = try call.table(1, "routine")
                let override = table["override"] == .boolean(true)
                table["override"] = .nil
                let cues = try routineCues(table["cues"])
                table["cues"] = .nil
                try HostLimits.checkCounts(table, lists: ["steps"], limit: HostLimits.maximumSteps)
                let fields = try LuaValueDecoder().decode(RoutineFields.self, from: .table(table))
                try HostLimits.checkRoutine(
                    id: fields.id, name: fields.name, summary: fields.summary, steps: fields.steps.map(\.exercise))
                let routine = fields.routine(source: host.currentSource ?? "a script")
                do throws(RoutineError) {
                    try routine.validate(against: host.catalogue)
                } catch {
                    throw LuaError.conversion(routineMessage(error))
                }
                try host.routineRegistry.define(routine, id: routine.id, source: routine.source, override: override)
                host.sessions.replace(routine)
                host.sessions.cueSets[routine.id] = cues
                host.recordDefinition(kind: "routine", id: routine.id)
                return [try routineInfo(routine, host: host)]
            }
        ]
    }

    static var routineClasses: [APIClass] {
        [
            APIClass(
                "limber.Routine", summary: "A routine for `limber.routine{...}`.",
                fields: [
                    .init("id", "string", "slug: lower-case letters, digits and '-'"),
                    .init("name", "string", "display name"),
                    .init("phase", "'pre_run'|'post_run'|'cooldown'|'anytime'?", "when it belongs; default 'anytime'"),
                    .init("summary", "string?", "one line on what it is for"),
                    .init("rest", "integer?", "seconds of rest between steps; default 10"),
                    .init("steps", "limber.RoutineStep[]", "the exercises, in order"),
                    .init("cues", "limber.CueSet?", "the routine's own sounds, over the user's config"),
                ]),
            APIClass(
                "limber.RoutineStep", summary: "One step of a routine: an exercise and how much of it.",
                fields: [
                    .init("exercise", "string", "an exercise id (or alias) from the catalogue"),
                    .init("hold", "integer?", "seconds to hold, per side (1-3600)"),
                    .init("reps", "integer?", "repetitions or breaths per side, for a counted exercise"),
                    .init("tempo", "number?", "seconds one repetition takes (default 3, a breath 5)"),
                    .init("sides", "integer?", "1 or 2; default from the exercise (per_side: 2)"),
                    .init("rest", "integer?", "seconds of rest after this step; default the routine's"),
                ]),
            APIClass(
                "limber.RoutineInfo", summary: "A routine as limber stored it.",
                fields: [
                    .init("id", "string", "its id"),
                    .init("name", "string", "its name"),
                    .init("phase", "string", "its phase"),
                    .init("summary", "string?", "its one-line summary, if it has one"),
                    .init("rest", "integer", "seconds of rest between steps"),
                    .init("steps", "limber.RoutineStep[]", "its steps"),
                    .init("total_seconds", "integer", "planned length with the default get-ready and switches"),
                    .init("source", "string", "the plugin or script that defined it"),
                ]),
        ]
    }

    /// One line for a routine that did not validate, in the field-naming style of the API.
    static func routineMessage(_ error: RoutineError) -> String {
        switch error {
        case .invalidField(let field, let reason): "field '\(field)': \(reason)"
        case .unknownExercise(let field, let cause): "field '\(field)': \(cause)"
        default: error.description
        }
    }

    static func routineInfo(_ routine: Routine, host: LimberHost) throws(LuaError) -> LuaValue {
        var info = LuaTable()
        info["id"] = .string(routine.id)
        info["name"] = .string(routine.name)
        info["phase"] = .string(routine.phase.rawValue)
        info["summary"] = .string(routine.summary)
        info["rest"] = .integer(Int64(routine.rest))
        info["steps"] = try LuaValueEncoder().encode(routine.steps)
        info["source"] = .string(routine.source)
        if let plan = try? SessionPlan(routine: routine, catalogue: host.catalogue) {
            info["total_seconds"] = .integer(Int64(plan.totalSeconds))
        }
        return .table(info)
    }

    /// A `limber.routine{...}` table as Lua spells it.
    struct RoutineFields: Decodable {
        struct Step: Decodable {
            var exercise: String
            var hold: Int?
            var reps: Int?
            var tempo: Double?
            var sides: Int?
            var rest: Int?
        }

        var id: String
        var name: String
        var phase: Exercise.Phase?
        var summary: String?
        var rest: Int?
        var steps: [Step]

        func routine(source: String) -> Routine {
            Routine(
                id: id, name: name, phase: phase ?? .anytime,
                steps: steps.map {
                    Routine.Step(
                        exercise: $0.exercise, hold: $0.hold, reps: $0.reps, tempo: $0.tempo, sides: $0.sides, rest: $0.rest)
                },
                rest: rest ?? Routine.defaultRest, summary: summary ?? "", source: source)
        }
    }
}
