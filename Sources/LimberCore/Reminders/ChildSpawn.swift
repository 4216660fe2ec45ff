import Foundation

/// How limber starts a child program (a notifier, a sound player, a detached watcher): with
/// `posix_spawn`, an empty signal mask, default handling of the signals that should end it, and
/// optionally a process group or a session of its own. One place for what all three need.
package enum ChildSpawn {
    /// Where the child lives relative to limber's terminal and process group.
    package enum Grouping {
        /// Its own process group: a Ctrl-C at the terminal is limber's, and a timeout can stop
        /// the whole group.
        case ownGroup
        /// Its own session (glibc's POSIX_SPAWN_SETSID): no terminal's hang-up or Ctrl-C reaches
        /// it, and it outlives limber.
        case ownSession
    }

    /// glibc's POSIX_SPAWN_SETSID (2.26 on), which Swift does not import: the child calls setsid.
    static let setSession: Int32 = 0x80

    /// The signals a child handles the default way, whatever limber itself does with them.
    static let defaultSignals: [Int32] = [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGTSTP, SIGTTOU, SIGTTIN]

    /// Spawns `argv[0]` (a path) with `argv`, `environment` (nil: limber's own) and the file
    /// actions `prepare` adds; returns the child's pid, or the `posix_spawn` error number.
    package static func spawn(
        _ argv: [String], environment: [String: String]?, grouping: Grouping,
        prepare: (inout posix_spawn_file_actions_t) -> Void
    ) -> Result<pid_t, SpawnFailure> {
        guard let program = argv.first else { return .failure(SpawnFailure(code: EINVAL)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        prepare(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        switch grouping {
        case .ownGroup:
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        case .ownSession:
            flags |= setSession
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let words = argv.map { strdup($0) }
        let pairs = (environment ?? ProcessEnvironment.current).map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in words { free(pointer) }
            for pointer in pairs { free(pointer) }
        }
        var pid: pid_t = 0
        var status = posix_spawn(&pid, program, &actions, &attributes, words + [nil], pairs + [nil])
        // A script that was just written can be briefly busy while another process that forked
        // meanwhile still holds it open for writing; try again for a moment.
        var attempts = 0
        while status == ETXTBSY && attempts < 50 {
            usleep(20_000)
            attempts += 1
            status = posix_spawn(&pid, program, &actions, &attributes, words + [nil], pairs + [nil])
        }
        return status == 0 ? .success(pid) : .failure(SpawnFailure(code: status))
    }

    /// Standard input, output and error on /dev/null.
    package static func nullStreams(_ actions: inout posix_spawn_file_actions_t) {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
}

/// Why `posix_spawn` failed: its error number, and the system's words for it.
package struct SpawnFailure: Error, Sendable, CustomStringConvertible {
    package let code: Int32
    package var description: String { String(cString: strerror(code)) }
}
