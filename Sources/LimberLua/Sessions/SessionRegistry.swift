import LimberCore

/// What guided sessions need from the host: the routines plugins defined, the `limber.on`
/// hooks, and the presenter that shows a session to a person.
public final class SessionRegistry {
    /// A function registered with `limber.on`.
    public struct Hook {
        public let event: String
        public let function: LuaValue
        /// The plugin or script that registered it.
        public let source: String
    }

    /// Every routine defined so far, in order.
    public internal(set) var routines = RoutineLibrary()
    /// Hooks in the order they were registered.
    public private(set) var hooks: [Hook] = []
    /// Shows sessions to a person; nil runs them silently (hooks still run).
    public var presenter: (any SessionPresenter)?
    /// Whether a session is running (one at a time: a hook cannot start another).
    public internal(set) var isRunning = false
    /// Each routine's own cue settings (`cues = {...}` in `limber.routine`), by routine id.
    public internal(set) var cueSets: [String: CueSettings] = [:]
    /// Plays a named cue or sound for `limber.cue` and says whether it played; nil (no sound
    /// here) makes `limber.cue` a quiet no-op.
    public var cuePlayer: ((String) -> Bool)?
    /// The presenter of the session being shown, which takes what hooks `print` meanwhile.
    public internal(set) var printTarget: (any SessionPresenter)?
    /// The `print` plugins get (see `HostPrint`).
    var pluginPrint: LuaValue?

    init() {}

    /// The events `limber.on` accepts.
    public static let hookableEvents = SessionEvent.names

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
