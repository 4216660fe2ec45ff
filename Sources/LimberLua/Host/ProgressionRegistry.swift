import LimberCore

/// A progression a plugin defined: which routine it adjusts, in whose words, and its `adjust`.
package struct ProgressionDefinition {
    package let id: String
    package let routine: String
    /// What the rule does, in a sentence (`limber plan` shows it).
    package let describe: String
    /// The plugin file that defined it.
    package let source: String
    let adjust: LuaValue
}

/// Every progression plugins defined, in the order they loaded.
package final class ProgressionRegistry {
    /// The definitions, by id (see ``DefinitionRegistry``).
    package internal(set) var registry = DefinitionRegistry<ProgressionDefinition>(kind: "progression")

    /// Every progression, in the order defined.
    package var all: [ProgressionDefinition] { registry.definitions }

    /// Adds a progression; a taken id is an error naming the file that took it, unless `override`.
    func add(_ definition: ProgressionDefinition, override: Bool) throws(LuaError) {
        try registry.define(definition, id: definition.id, source: definition.source, override: override)
    }

    /// The progressions that adjust a routine, in load order.
    package func progressions(for routine: String) -> [ProgressionDefinition] {
        all.filter { $0.routine == routine }
    }
}

/// Today's plan for a routine after its progressions, with what each changed and what went wrong.
package struct ProgressedRoutine {
    /// The routine to run, with every dose written out.
    package var routine: Routine
    /// Every change, in the order the progressions made them (refused increases included).
    package var changes: [ProgressionChange]
    /// The progressions that applied, with their descriptions.
    package var progressions: [(id: String, describe: String)]
    /// One line per progression that failed (it was skipped; the plan went on without it).
    package var problems: [String]
}
