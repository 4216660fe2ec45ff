/// What the host is doing while plugin code runs, which decides what that code may do.
///
/// Loading a plugin only defines things; a reminder's `due` and `message` and a progression's
/// `adjust` only describe (they read the log). Neither may wait, write the log, notify or
/// start a session: cron and `limber plugins` must never block on a plugin or see it act.
package enum PluginPhase: Sendable, Equatable {
    /// A script, the REPL, a test file, or a `limber.on` hook during a session: anything goes.
    case free
    /// A plugin's main chunk runs.
    case load
    /// A reminder's `due` or `message`, or a progression's `adjust`, runs.
    case describe

    /// The API functions that wait or act, refused while a plugin loads or describes.
    static let acting: Set<String> = ["timer.sleep", "timer.countdown", "log.record", "notify", "session.start"]

    /// The error for calling `path` (`timer.sleep`) in this phase, or nil when it may run.
    func refusal(of path: String) -> String? {
        guard Self.acting.contains(path) else { return nil }
        switch self {
        case .free: return nil
        case .load: return "cannot run while a plugin loads (loading only defines things)"
        case .describe: return "cannot run in a reminder's due or message or a progression's adjust (they only read)"
        }
    }
}

extension LimberHost {
    @discardableResult
    /// Runs `body` in `phase`, then goes back to the phase before.
    func during<T>(_ phase: PluginPhase, _ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        let outer = self.phase
        self.phase = phase
        defer { self.phase = outer }
        return try body()
    }
}
