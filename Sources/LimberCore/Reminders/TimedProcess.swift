import Foundation

/// Runs a program directly (no shell) with a deadline: past it the program and anything it
/// started are stopped, so a hung notifier can never hang limber.
///
/// Input comes from a file (or /dev/null) and captured output goes to files, never pipes, so
/// no buffer can fill and block either side.
package enum TimedProcess {
    /// How a run ended.
    package enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// It ran past the deadline and was stopped.
        case timedOut
    }

    /// What a run left behind.
    package struct Result: Sendable, Equatable {
        package let termination: Termination
        /// Standard output, when captured.
        package let output: Data
        /// Standard error, when captured.
        package let errorOutput: Data
    }

    /// The executable a command name means: a path as given, else the first match on `PATH`
    /// (`/usr/bin:/bin` when unset); nil when there is none.
    package static func locate(_ name: String, environment: [String: String]) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        for folder in searchPath(environment).split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                manager.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// The `PATH` a lookup uses.
    package static func searchPath(_ environment: [String: String]) -> String {
        environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin:/bin"
    }

    /// Runs `executable` (a path) with `arguments` and waits at most `timeout`.
    ///
    /// Without `capture`, the program's standard output goes to limber's standard error (so it
    /// never mixes with limber's own output) and its standard error to limber's.
    package static func run(
        _ executable: String, arguments: [String], environment: [String: String], input: Data? = nil,
        capture: Bool = false, timeout: Duration = .seconds(10)
    ) throws(ReminderError) -> Result {
        let scratch = FileManager.default.temporaryDirectory
        var files: [String] = []
        defer { for file in files { unlink(file) } }
        func scratchFile(_ role: String, _ contents: Data?) throws(ReminderError) -> String {
            let path = scratch.appendingPathComponent("limber-\(getpid())-\(UUID().uuidString)-\(role)").path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw .commandFailed(
                    "cannot run \(executable): cannot create a file in \(scratch.path): \(String(cString: strerror(errno)))")
            }
            files.append(path)
            if let contents {
                contents.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                        if written <= 0 { break }
                        offset += written
                    }
                }
            }
            close(descriptor)
            return path
        }

        let inputPath = input == nil ? "/dev/null" : try scratchFile("in", input)
        var outputPath: String?, errorPath: String?
        if capture {
            (outputPath, errorPath) = (try scratchFile("out", nil), try scratchFile("err", nil))
        }
        // Its own process group, so a timeout stops the whole of it.
        let spawned = ChildSpawn.spawn([executable] + arguments, environment: environment, grouping: .ownGroup) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
            if let outputPath, let errorPath {
                posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_TRUNC, 0)
                posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_TRUNC, 0)
            } else {
                posix_spawn_file_actions_adddup2(&actions, 2, 1)
            }
        }
        let pid: pid_t
        switch spawned {
        case .success(let child): pid = child
        case .failure(let failure): throw .commandFailed("cannot run \(executable): \(failure)")
        }

        let termination = wait(for: pid, timeout: timeout)
        func read(_ path: String?) -> Data {
            path.flatMap { FileManager.default.contents(atPath: $0) } ?? Data()
        }
        return Result(termination: termination, output: read(outputPath), errorOutput: read(errorPath))
    }

    /// Waits for a child, stopping its process group (TERM, then KILL a second later) at the deadline.
    private static func wait(for pid: pid_t, timeout: Duration) -> Termination {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        var pause: useconds_t = 1_000
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return termination(status) }
            if result < 0 && errno != EINTR { return .exited(-1) }
            if clock.now >= deadline { break }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        kill(-pid, SIGTERM)
        let grace = clock.now + .seconds(1)
        while clock.now < grace {
            if waitpid(pid, &status, WNOHANG) == pid {
                kill(-pid, SIGKILL)
                return .timedOut
            }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .timedOut
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
