import Foundation

extension Exercise {
    /// Checks the fields that the type system cannot: slugs, non-empty texts, a coherent dose.
    package func validate() throws(CatalogueError) {
        guard Self.isSlug(id) else {
            throw .invalidField(field: "id", reason: "expected a slug of lower-case letters, digits and '-', got '\(id)'")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalidField(field: "name", reason: "must not be empty")
        }
        guard dose.min > 0 else {
            throw .invalidField(field: "dose.min", reason: "must be greater than 0, got \(dose.min)")
        }
        guard dose.min <= dose.max else {
            throw .invalidField(field: "dose.max", reason: "must be at least dose.min (\(dose.min)), got \(dose.max)")
        }
        guard (dose.min...dose.max).contains(dose.default) else {
            throw .invalidField(
                field: "dose.default",
                reason: "must lie between \(dose.min) and \(dose.max), got \(dose.default)")
        }
        guard !regions.isEmpty else {
            throw .invalidField(field: "regions", reason: "must name at least one region")
        }
        for (index, region) in regions.enumerated() where !Self.isSlug(region.replacingOccurrences(of: "_", with: "-")) {
            throw .invalidField(field: "regions[\(index + 1)]", reason: "expected a slug such as 'lower_back', got '\(region)'")
        }
    }

    /// Whether `text` is a slug: a lower-case letter, then lower-case letters, digits and `-`.
    package static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
