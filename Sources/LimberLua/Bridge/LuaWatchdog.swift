import CLuaShim

/// The process's last line of defence against plugin code that never comes back.
///
/// CPU budgets are checked between VM instructions; a C function that loops or a host call that
/// blocks is out of their sight. Once enabled, a thread (started with the first budget) ends
/// the process with one line on stderr, `limber: plugins/x.lua did not come back from C code
/// within 5.0 s; stopping`, and exit code 70, when a budgeted call stays away from the VM for
/// 5 times its budget (and at least `floorSeconds`). The executable enables it; a library user
/// (a test process) keeps it off, since ending the process is the executable's decision.
package enum LuaWatchdog {
    /// Seconds the budgeted calls that run may still take in wall-clock time (each may take
    /// 3 times its CPU budget, and at least 3 s); nil when no budget runs.
    package static func wallTimeLeft(in lua: LuaState) -> Double? {
        let left = limber_wall_remaining(lua.L)
        return left < 0 ? nil : left
    }

    /// The exit code of a process the watchdog ended.
    package static let exitCode: Int32 = 70

    /// Lets the watchdog run in this process.
    package static func enable(floorSeconds: Double = 1) {
        limber_watchdog_enable(floorSeconds)
    }
}
