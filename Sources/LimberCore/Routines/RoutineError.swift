/// What can go wrong when defining, finding or planning a routine.
package enum RoutineError: Error, Equatable, CustomStringConvertible {
    /// A field of a routine is missing or wrong; `field` is its path (`steps[2].hold`).
    case invalidField(field: String, reason: String)
    /// A step names an exercise the catalogue does not know; the cause names the closest id.
    case unknownExercise(field: String, CatalogueError)
    /// No routine has this id.
    case unknownRoutine(String, suggestion: String?)
    /// A routine with this id is already registered.
    case duplicateID(String)

    package var description: String {
        switch self {
        case .invalidField(let field, let reason):
            return "invalid routine field '\(field)': \(reason)"
        case .unknownExercise(let field, let cause):
            return "\(field): \(cause)"
        case .unknownRoutine(let id, let suggestion):
            if let suggestion { return "unknown routine '\(id)' (did you mean '\(suggestion)'?)" }
            return "unknown routine '\(id)'"
        case .duplicateID(let id):
            return "a routine with id '\(id)' already exists"
        }
    }
}
