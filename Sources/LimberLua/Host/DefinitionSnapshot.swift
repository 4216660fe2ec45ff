import LimberCore

/// Everything definitions put into a host, as it stood at one moment: the registries of the
/// four kinds and their views (catalogue, routine library), the `limber.on` hooks, and the list
/// of what was defined.
///
/// The plugin loader takes one before each plugin and puts it back when the plugin fails, by
/// an error or its CPU budget, however much it defined first; `limber test` puts one back
/// before each test.
struct DefinitionSnapshot {
    let catalogue: Catalogue
    let exercises: DefinitionRegistry<Exercise>
    let routines: DefinitionRegistry<Routine>
    let routineLibrary: RoutineLibrary
    let progressions: DefinitionRegistry<ProgressionDefinition>
    let reminders: DefinitionRegistry<ReminderRegistry.Entry>
    let hooks: Int
    let definitions: [String]
    let definitionSources: [String: String]
}

extension LimberHost {
    /// What is defined now.
    func snapshotDefinitions() -> DefinitionSnapshot {
        DefinitionSnapshot(
            catalogue: catalogue, exercises: exerciseRegistry, routines: routineRegistry,
            routineLibrary: sessions.routines, progressions: progressions.registry, reminders: reminders.registry,
            hooks: sessions.hooks.count, definitions: definitions, definitionSources: definitionSources)
    }

    /// Puts back what was defined at `snapshot`, dropping everything defined since.
    func restoreDefinitions(_ snapshot: DefinitionSnapshot) {
        catalogue = snapshot.catalogue
        exerciseRegistry = snapshot.exercises
        routineRegistry = snapshot.routines
        sessions.routines = snapshot.routineLibrary
        progressions.registry = snapshot.progressions
        reminders.registry = snapshot.reminders
        sessions.keepHooks(snapshot.hooks)
        definitions = snapshot.definitions
        definitionSources = snapshot.definitionSources
    }
}
