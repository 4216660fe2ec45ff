/// The definitions of one kind (exercises, routines, progressions, reminders), by id, in the
/// order they were made, each with the file that made it.
///
/// Every kind follows the same rules: an id is defined once, and a second definition is an error
/// naming the file that holds it, unless it says `override = true`, which replaces the first in
/// its place. It is a value: the host keeps a copy of every registry before a plugin loads and
/// puts it back when the plugin fails, so a plugin defines everything or nothing.
package struct DefinitionRegistry<Definition> {
    /// One definition and where it came from.
    package struct Entry {
        package let id: String
        /// The plugin or script that defined it (`the built-in catalogue` for shipped exercises).
        package let source: String
        package let definition: Definition
    }

    /// What the registry holds: `exercise`, `routine`, `progression` or `reminder`, for messages.
    package let kind: String
    /// Every definition, in the order first defined (a replacement keeps its place).
    package private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    package init(kind: String, _ entries: [Entry] = []) {
        self.kind = kind
        for entry in entries where positions[entry.id] == nil {
            positions[entry.id] = self.entries.count
            self.entries.append(entry)
        }
    }

    /// The definitions alone, in order.
    package var definitions: [Definition] { entries.map(\.definition) }

    /// The entry with exactly this id.
    package func entry(_ id: String) -> Entry? {
        positions[id].map { entries[$0] }
    }

    /// The error a second definition of a taken id gets without `override = true`.
    func conflict(with existing: Entry) -> LuaError {
        .conversion("\(kind) '\(existing.id)' is already defined by \(existing.source); set override = true to replace it")
    }

    /// Adds a definition, or with `override` replaces the one with its id; returns whether it replaced one.
    @discardableResult
    package mutating func define(_ definition: Definition, id: String, source: String, override: Bool) throws(LuaError) -> Bool {
        let entry = Entry(id: id, source: source, definition: definition)
        if let position = positions[id] {
            guard override else { throw conflict(with: entries[position]) }
            entries[position] = entry
            return true
        }
        positions[id] = entries.count
        entries.append(entry)
        return false
    }
}
