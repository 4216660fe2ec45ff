/// What can go wrong when looking up or adding exercises.
package enum CatalogueError: Error, Equatable, CustomStringConvertible {
    case unknownExercise(String, suggestion: String?)
    case duplicateID(String)
    /// A field of an exercise definition is missing or wrong; `field` is its dotted path.
    case invalidField(field: String, reason: String)

    package var description: String {
        switch self {
        case .unknownExercise(let id, let suggestion):
            if let suggestion { return "unknown exercise '\(id)' (did you mean '\(suggestion)'?)" }
            return "unknown exercise '\(id)'"
        case .duplicateID(let id):
            return "an exercise with id '\(id)' already exists"
        case .invalidField(let field, let reason):
            return "invalid exercise field '\(field)': \(reason)"
        }
    }
}
