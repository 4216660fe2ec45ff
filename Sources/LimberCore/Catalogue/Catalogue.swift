/// The exercises limber knows: the built-in set plus whatever plugins add.
package struct Catalogue: Sendable, Equatable {
    /// Filters for `find`; a nil field matches everything.
    package struct Filter: Sendable, Equatable {
        package var region: String?
        package var phase: Exercise.Phase?
        package var kind: Exercise.Kind?
        package var position: Exercise.Position?

        package init(
            region: String? = nil, phase: Exercise.Phase? = nil,
            kind: Exercise.Kind? = nil, position: Exercise.Position? = nil
        ) {
            self.region = region
            self.phase = phase
            self.kind = kind
            self.position = position
        }

        func matches(_ exercise: Exercise) -> Bool {
            if let region, !exercise.regions.contains(region) { return false }
            if let phase, exercise.phase != phase { return false }
            if let kind, exercise.kind != kind { return false }
            if let position, exercise.position != position { return false }
            return true
        }
    }

    /// Every exercise, in the order they were added.
    package private(set) var all: [Exercise]

    package init(_ exercises: [Exercise] = []) {
        all = []
        for exercise in exercises where !all.contains(where: { $0.id == exercise.id }) {
            all.append(exercise)
        }
    }

    /// The catalogue that ships with limber: every move of the source article.
    package static let builtin = Catalogue(BuiltinCatalogue.exercises)

    /// The exercise with this id, or with this alias (case-insensitive).
    package func get(_ idOrAlias: String) -> Exercise? {
        if let exact = all.first(where: { $0.id == idOrAlias }) { return exact }
        let wanted = Self.normalised(idOrAlias)
        return all.first { exercise in
            Self.normalised(exercise.id) == wanted
                || exercise.aliases.contains { Self.normalised($0) == wanted }
                || Self.normalised(exercise.name) == wanted
        }
    }

    /// The exercise with this id, or an error that names the closest known id.
    package func require(_ idOrAlias: String) throws(CatalogueError) -> Exercise {
        if let exercise = get(idOrAlias) { return exercise }
        throw .unknownExercise(idOrAlias, suggestion: closestID(to: idOrAlias))
    }

    /// The exercises that match every field of the filter, in catalogue order.
    package func find(_ filter: Filter) -> [Exercise] {
        all.filter(filter.matches)
    }

    /// Adds an exercise after validating it; an id that is already taken is an error.
    package mutating func add(_ exercise: Exercise) throws(CatalogueError) {
        try exercise.validate()
        if all.contains(where: { $0.id == exercise.id }) {
            throw .duplicateID(exercise.id)
        }
        all.append(exercise)
    }

    /// Puts `exercise` in place of the one with the same id (or adds it), keeping its position.
    package mutating func replace(_ exercise: Exercise) {
        if let index = all.firstIndex(where: { $0.id == exercise.id }) {
            all[index] = exercise
        } else {
            all.append(exercise)
        }
    }

    /// The known id nearest to `text` by edit distance, if any is reasonably near.
    package func closestID(to text: String) -> String? {
        let wanted = Self.normalised(text)
        var best: (id: String, distance: Int)?
        for exercise in all {
            let names = [exercise.id, exercise.name] + exercise.aliases
            for candidate in names {
                let normalised = Self.normalised(candidate)
                var distance = EditDistance.between(wanted, normalised)
                if normalised.contains(wanted) || wanted.contains(normalised) {
                    distance = min(distance, max(1, abs(normalised.count - wanted.count) / 3))
                }
                if distance < best?.distance ?? Int.max {
                    best = (exercise.id, distance)
                }
            }
        }
        guard let best, best.distance <= max(3, wanted.count / 2) else { return nil }
        return best.id
    }

    static func normalised(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-", omittingEmptySubsequences: true)
            .joined(separator: "-")
    }
}
