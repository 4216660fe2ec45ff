import LimberCore

/// A progression a plugin defined: which routine it adjusts, in whose words, and its `adjust`.
public struct ProgressionDefinition {
    public let id: String
    public let routine: String
    /// What the rule does, in a sentence (`limber plan` shows it).
    public let describe: String
    /// The plugin file that defined it.
    public let source: String
    let adjust: LuaValue
}

/// Every progression plugins defined, in the order they loaded.
public final class ProgressionRegistry {
    /// The definitions, by id (see ``DefinitionRegistry``).
    public internal(set) var registry = DefinitionRegistry<ProgressionDefinition>(kind: "progression")

    /// Every progression, in the order defined.
    public var all: [ProgressionDefinition] { registry.definitions }

    /// Adds a progression; a taken id is an error naming the file that took it, unless `override`.
    func add(_ definition: ProgressionDefinition, override: Bool) throws(LuaError) {
        try registry.define(definition, id: definition.id, source: definition.source, override: override)
    }

    /// The progressions that adjust a routine, in load order.
    public func progressions(for routine: String) -> [ProgressionDefinition] {
        all.filter { $0.routine == routine }
    }
}

/// Today's plan for a routine after its progressions, with what each changed and what went wrong.
public struct ProgressedRoutine {
    /// The routine to run, with every dose written out.
    public var routine: Routine
    /// Every change, in the order the progressions made them (refused increases included).
    public var changes: [ProgressionChange]
    /// The progressions that applied, with their descriptions.
    public var progressions: [(id: String, describe: String)]
    /// One line per progression that failed (it was skipped; the plan went on without it).
    public var problems: [String]
}
