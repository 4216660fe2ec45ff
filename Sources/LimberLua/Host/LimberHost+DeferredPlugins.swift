/// Plugins loaded when a script first needs them, rather than before it starts.
///
/// `limber run` defers its plugins: a script that only computes, prints, waits or reads the
/// log starts without loading any. The first call of any other API function (catalogue,
/// routines, sessions, progressions, reminders, `limber.on`, the log functions that resolve
/// exercise names) loads every plugin first, in the usual order, so that call sees exactly what
/// it would have seen had the plugins loaded up front: `limber.catalogue.get` finds a plugin's
/// exercise, `limber.session.start` finds a plugin's routine, and a script's own
/// `limber.routine{...}` meets the plugins' routines as it would have.
extension LimberHost {
    /// The API functions that never look at what plugins define, so calling them loads none.
    /// Any function not named here loads the deferred plugins first (a new function is safe
    /// by default).
    static let pluginFreeFunctions: Set<String> = [
        "now", "timer.sleep", "timer.countdown", "notify", "log.sessions", "log.streak", "log.last",
    ]

    /// Defers loading the plugins: `load` runs once, just before the first API call that may
    /// depend on them (or at `loadDeferredPlugins()`).
    package func deferPlugins(_ load: @escaping (LimberHost) -> Void) {
        deferredPlugins = load
    }

    /// Whether plugins are deferred and not loaded yet.
    package var pluginsDeferred: Bool { deferredPlugins != nil }

    /// Loads the deferred plugins now, if they have not been loaded; the running script's
    /// source (for its own definitions) is kept.
    package func loadDeferredPlugins() {
        guard let load = deferredPlugins else { return }
        deferredPlugins = nil
        let source = currentSource
        defer { currentSource = source }
        load(self)
    }
}
