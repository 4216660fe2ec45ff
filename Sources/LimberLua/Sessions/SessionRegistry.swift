import LimberCore

/// What guided sessions need from the host: the routines plugins defined, the `limber.on`
/// hooks, and the presenter that shows a session to a person.
package final class SessionRegistry {
    /// A function registered with `limber.on`.
    package struct Hook {
        package let event: String
        package let function: LuaValue
        /// The plugin or script that registered it.
        package let source: String
    }

    /// Every routine defined so far, in order.
    package internal(set) var routines = RoutineLibrary()
    /// Hooks in the order they were registered.
    package private(set) var hooks: [Hook] = []
    /// Shows sessions to a person; nil runs them silently (hooks still run).
    package var presenter: (any SessionPresenter)?
    /// Whether a session is running (one at a time: a hook cannot start another).
    package internal(set) var isRunning = false
    /// Each routine's own cue settings (`cues = {...}` in `limber.routine`), by routine id.
    package internal(set) var cueSets: [String: CueSettings] = [:]
    /// Plays a named cue or sound for `limber.cue` and says whether it played; nil (no sound
    /// here) makes `limber.cue` a quiet no-op.
    package var cuePlayer: ((String) -> Bool)?
    /// The presenter of the session being shown, which takes what hooks `print` meanwhile.
    package internal(set) var printTarget: (any SessionPresenter)?
    /// The `print` plugins get (see `HostPrint`).
    var pluginPrint: LuaValue?

    init() {}

    /// The events `limber.on` accepts.
    package static let hookableEvents = SessionEvent.names

    /// Registers a hook; an unknown event name is an error that lists the known ones.
    func addHook(event: String, function: LuaValue, source: String) throws(LuaError) {
        guard Self.hookableEvents.contains(event) else {
            throw .conversion("unknown event '\(event)' (events: \(Self.hookableEvents.joined(separator: ", ")))")
        }
        hooks.append(Hook(event: event, function: function, source: source))
    }

    /// Drops the hooks registered after the first `count` (a plugin test's own, when it ends).
    func keepHooks(_ count: Int) {
        if hooks.count > count { hooks.removeLast(hooks.count - count) }
    }

    /// Hooks for one event, in registration order.
    func hooks(for event: String) -> [Hook] {
        hooks.filter { $0.event == event }
    }

    /// Replaces a routine with the same id, or adds it.
    func replace(_ routine: Routine) {
        var all = routines.all
        if let index = all.firstIndex(where: { $0.id == routine.id }) {
            all[index] = routine
        } else {
            all.append(routine)
        }
        routines = RoutineLibrary(all)
    }
}
