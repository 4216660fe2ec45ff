/// The routines that are registered: those shipped as plugins plus the user's own.
package struct RoutineLibrary: Sendable, Equatable {
    /// Every routine, in the order registered.
    package private(set) var all: [Routine] = []

    package init(_ routines: [Routine] = []) {
        for routine in routines where !all.contains(where: { $0.id == routine.id }) {
            all.append(routine)
        }
    }

    /// The routine with this id.
    package func get(_ id: String) -> Routine? {
        all.first { $0.id == id } ?? all.first { Catalogue.normalised($0.id) == Catalogue.normalised(id) }
    }

    /// The routine with this id, or an error that names the closest known id.
    package func require(_ id: String) throws(RoutineError) -> Routine {
        if let routine = get(id) { return routine }
        throw .unknownRoutine(id, suggestion: closestID(to: id))
    }

    /// Validates a routine against the catalogue and adds it; a taken id is an error.
    package mutating func add(_ routine: Routine, catalogue: Catalogue) throws(RoutineError) {
        try routine.validate(against: catalogue)
        guard !all.contains(where: { $0.id == routine.id }) else { throw .duplicateID(routine.id) }
        all.append(routine)
    }

    /// The registered id nearest to `text`, if one is reasonably near.
    package func closestID(to text: String) -> String? {
        let wanted = Catalogue.normalised(text)
        var best: (id: String, distance: Int)?
        for routine in all {
            let candidate = Catalogue.normalised(routine.id)
            var distance = EditDistance.between(wanted, candidate)
            if candidate.contains(wanted) || wanted.contains(candidate) { distance = min(distance, 1) }
            if distance < best?.distance ?? Int.max { best = (routine.id, distance) }
        }
        guard let best, best.distance <= max(3, wanted.count / 2) else { return nil }
        return best.id
    }
}
