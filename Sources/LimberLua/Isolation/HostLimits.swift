import LimberCore

/// Size limits on what plugins pass to the catalogue and routine functions, checked before any
/// work that grows with the input (fuzzy lookups, validation against the catalogue, plans).
///
/// Generous for real use: the longest id or name in the shipped catalogue is under 40
/// characters, the longest list 8 items, the longest routine 7 steps.
enum HostLimits {
    /// An id, alias or name looked up or defined: 200 bytes.
    static let maximumIDLength = 200
    /// One text of an exercise (an instruction, a cue, a source): 4,000 bytes.
    static let maximumTextLength = 4_000
    /// Items in one list field of an exercise (aliases, regions, instructions, ...): 100.
    static let maximumListCount = 100
    /// Steps in one routine: 500.
    static let maximumSteps = 500

    /// An id or name to look up, or an error naming the field.
    static func checkLookup(_ text: String, field: String) throws(LuaError) {
        guard text.utf8.count <= maximumIDLength else {
            throw .conversion(
                "field '\(field)': \(text.utf8.count) bytes is longer than the \(maximumIDLength) an id or name may have")
        }
    }

    /// The list fields of an exercise.
    static let exerciseLists = ["aliases", "regions", "muscles", "equipment", "instructions", "cues", "benefits", "cautions"]

    /// Each of `lists` in a table as Lua passed it holds at most `limit` entries: checked before
    /// the table is decoded, so an oversized list costs nothing.
    static func checkCounts(_ table: LuaTable, lists: [String], limit: Int) throws(LuaError) {
        for field in lists {
            guard case .table(let list) = table[field], list.count > limit else { continue }
            throw .conversion("field '\(field)': \(list.count) items, more than the \(limit) it may have")
        }
    }

    /// An exercise's fields within the limits, or an error naming the first one that is not.
    static func check(_ exercise: Exercise) throws(LuaError) {
        try checkLookup(exercise.id, field: "id")
        try checkLookup(exercise.name, field: "name")
        try checkText(exercise.source, field: "source")
        let lists: [(String, [String])] = [
            ("aliases", exercise.aliases), ("regions", exercise.regions), ("muscles", exercise.muscles),
            ("equipment", exercise.equipment), ("instructions", exercise.instructions), ("cues", exercise.cues),
            ("benefits", exercise.benefits), ("cautions", exercise.cautions),
        ]
        for (field, items) in lists {
            guard items.count <= maximumListCount else {
                throw .conversion("field '\(field)': \(items.count) items, more than the \(maximumListCount) a list may have")
            }
            for (index, item) in items.enumerated() {
                if field == "aliases" || field == "regions" {
                    try checkLookup(item, field: "\(field)[\(index + 1)]")
                } else {
                    try checkText(item, field: "\(field)[\(index + 1)]")
                }
            }
        }
    }

    /// A routine definition's size within the limits.
    static func checkRoutine(id: String, name: String, summary: String?, steps: [String]) throws(LuaError) {
        try checkLookup(id, field: "id")
        try checkLookup(name, field: "name")
        try checkText(summary ?? "", field: "summary")
        guard steps.count <= maximumSteps else {
            throw .conversion("field 'steps': \(steps.count) steps, more than the \(maximumSteps) a routine may have")
        }
        for (index, exercise) in steps.enumerated() {
            try checkLookup(exercise, field: "steps[\(index + 1)].exercise")
        }
    }

    private static func checkText(_ text: String, field: String) throws(LuaError) {
        guard text.utf8.count <= maximumTextLength else {
            throw .conversion(
                "field '\(field)': \(text.utf8.count) bytes is longer than the \(maximumTextLength) a text may have")
        }
    }
}
