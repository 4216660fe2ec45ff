import LimberCore

extension HostAPI {
    static var catalogueFunctions: [APIFunction] {
        [
            APIFunction(
                "catalogue.all", summary: "Every exercise in the catalogue, built-in and added, in catalogue order.",
                results: [.init("limber.Exercise[]", "copies of the exercise records")],
                example: "for _, e in ipairs(limber.catalogue.all()) do print(e.id) end"
            ) { host, _ in
                [try encodeArray(host.catalogue.all)]
            },
            APIFunction(
                "catalogue.get", summary: "The exercise with this id, alias or name; nil and a message when there is none.",
                parameters: [.init("id", "string", "an id such as 'cat-cow', an alias or a name")],
                results: [
                    .init("limber.Exercise?", "the exercise, or nil"),
                    .init("string?", "why it was not found, with the closest id"),
                ],
                example: "local e = limber.catalogue.get('childs-pose')"
            ) { host, call in
                let id = try call.string(1, "id")
                try HostLimits.checkLookup(id, field: "id")
                do {
                    return [try LuaValueEncoder().encode(try host.catalogue.require(id))]
                } catch let error as CatalogueError {
                    return [.nil, .string(error.description)]
                }
            },
            APIFunction(
                "catalogue.find", summary: "The exercises that match every given field of the filter.",
                parameters: [.init("filter", "limber.ExerciseFilter?", "fields to match; omit one to match all")],
                results: [.init("limber.Exercise[]", "matching exercises, in catalogue order")],
                example: "limber.catalogue.find{ phase = 'cooldown', kind = 'static' }"
            ) { host, call in
                let arguments = try LuaValueDecoder().decode(
                    FilterArguments.self, from: .table(try call.optionalTable(1, "filter")))
                let filter = Catalogue.Filter(
                    region: arguments.region, phase: arguments.phase, kind: arguments.kind,
                    position: arguments.position)
                return [try encodeArray(host.catalogue.find(filter))]
            },
            APIFunction(
                "catalogue.add",
                summary: "Adds an exercise after validating every field; a bad field is an error that names it.",
                parameters: [
                    .init(
                        "exercise", "limber.Exercise",
                        "the new exercise; list fields default to {}; override = true replaces one with the same id")
                ],
                results: [.init("limber.Exercise", "the exercise as stored")],
                example: """
                    limber.catalogue.add{ id = 'wall-calf-stretch', name = 'Wall calf stretch',
                      kind = 'static', position = 'standing', laterality = 'per_side', phase = 'post_run',
                      dose = { unit = 'seconds', min = 30, max = 60, default = 30 }, regions = { 'calves' } }
                    """
            ) { host, call in
                var table = try call.table(1, "exercise")
                let override = table["override"] == .boolean(true)
                table["override"] = .nil
                try HostLimits.checkCounts(table, lists: HostLimits.exerciseLists, limit: HostLimits.maximumListCount)
                var exercise = try LuaValueDecoder().decode(Exercise.self, from: .table(table))
                try HostLimits.check(exercise)
                if exercise.source.isEmpty || exercise.source == Exercise.defaultSource {
                    exercise.source = host.currentSource ?? Exercise.defaultSource
                }
                try exercise.validate()
                var registry = host.exerciseRegistry
                let replaced = try registry.define(
                    exercise, id: exercise.id, source: host.currentSource ?? "a script", override: override)
                if replaced {
                    host.catalogue.replace(exercise)
                } else {
                    try host.catalogue.add(exercise)
                }
                host.exerciseRegistry = registry
                host.recordDefinition(kind: "exercise", id: exercise.id)
                return [try LuaValueEncoder().encode(exercise)]
            },
        ]
    }

    static var catalogueClasses: [APIClass] {
        [
            APIClass(
                "limber.Exercise", summary: "One movement in the catalogue.",
                fields: [
                    .init("id", "string", "slug: lower-case letters, digits and '-'"),
                    .init("name", "string", "display name"),
                    .init("aliases", "string[]?", "other names it is found by"),
                    .init("kind", "'static'|'dynamic'", "held stretch or moving drill"),
                    .init(
                        "position", "'standing'|'kneeling'|'half_kneeling'|'quadruped'|'supine'|'prone'|'seated'|'lunge'",
                        "starting position"),
                    .init("laterality", "'bilateral'|'per_side'|'alternating'", "how the sides take part"),
                    .init("dose", "limber.Dose", "how much makes one set"),
                    .init("regions", "string[]", "body regions, as slugs ('lower_back', 'hips')"),
                    .init("muscles", "string[]?", "target muscles"),
                    .init("phase", "'pre_run'|'post_run'|'cooldown'|'anytime'", "when it belongs"),
                    .init("equipment", "string[]?", "equipment needed; empty for none"),
                    .init("instructions", "string[]?", "step-by-step instructions"),
                    .init("cues", "string[]?", "short cues shown while holding"),
                    .init("benefits", "string[]?", "why do it"),
                    .init("cautions", "string[]?", "what to watch for"),
                    .init("source", "string?", "where it comes from; defaults to the plugin file"),
                ]),
            APIClass(
                "limber.Dose", summary: "A range and a default in one unit.",
                fields: [
                    .init("unit", "'seconds'|'reps'|'breaths'", "what the numbers count"),
                    .init("min", "integer", "least"),
                    .init("max", "integer", "most"),
                    .init("default", "integer", "what a routine uses unless told otherwise"),
                ]),
            APIClass(
                "limber.ExerciseFilter", summary: "Fields to match in `limber.catalogue.find`.",
                fields: [
                    .init("region", "string?", "a region slug the exercise works"),
                    .init("phase", "'pre_run'|'post_run'|'cooldown'|'anytime'?", "its phase"),
                    .init("kind", "'static'|'dynamic'?", "its kind"),
                    .init("position", "string?", "its starting position"),
                ]),
        ]
    }

    private struct FilterArguments: Decodable {
        var region: String?
        var phase: Exercise.Phase?
        var kind: Exercise.Kind?
        var position: Exercise.Position?
    }

    static func encodeArray<T: Encodable>(_ values: [T]) throws(LuaError) -> LuaValue {
        var elements: [LuaValue] = []
        for value in values { elements.append(try LuaValueEncoder().encode(value)) }
        return .table(LuaTable(array: elements))
    }
}
