import Foundation

/// A program running in a real pseudo-terminal, driven through tmux as a person would type.
///
/// Each session has its own tmux server (a socket in a temporary folder, no user config), so
/// tests never touch the user's tmux and can run side by side. Waiting polls the rendered
/// screen until the expected text shows up or a timeout passes; nothing sleeps a fixed time.
package final class TmuxSession {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    private static let exitMarker = "[exited with status "

    private let folder: TemporaryFolder
    private let socket: String
    private static let target = "repl"

    /// Starts `arguments` (an executable and its arguments) in a `width`×`height` terminal with
    /// exactly `environment` (plus TERM=screen). The pane stays when the program ends, so its
    /// last screen and exit status (printed after it) can be read.
    package init(_ arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        folder = try TemporaryFolder()
        socket = folder.path("tmux.sock")
        var assignments = environment.merging(["TERM": "screen"]) { _, new in new }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        assignments.insert("env", at: 0)
        assignments.insert("-i", at: 1)
        // The shell reports the exit status on the screen (tmux's own pane_dead_status is
        // sometimes never set when the pane's output ends and the process exits together); it
        // traps SIGINT so Ctrl-C reaches only the program (a trap, unlike an ignored signal,
        // is reset for the program it starts).
        let command =
            "trap : INT; " + (assignments + arguments).map(Self.shellQuoted).joined(separator: " ")
            + "; echo \"\(Self.exitMarker)$?]\""
        try tmux([
            "new-session", "-d", "-s", Self.target, "-x", String(width), "-y", String(height), command,
            ";", "set-option", "-t", Self.target, "remain-on-exit", "on",
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types text literally (no key names).
    package func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`.
    package func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// The screen as plain text, trailing blank lines dropped.
    package func screen() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-t", Self.target])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Waits until the screen satisfies `condition`; returns that screen.
    @discardableResult
    package func waitFor(
        _ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    package func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the program has ended; returns its exit status.
    package func waitForExit(timeout: TimeInterval = 15) throws -> Int32 {
        let screen = try waitFor("the program to end", timeout: timeout) { $0.contains(Self.exitMarker) }
        guard let marker = screen.range(of: Self.exitMarker, options: .backwards),
            let status = Int32(screen[marker.upperBound...].prefix { $0 != "]" })
        else { throw Failure(description: "no exit status on the screen:\n\(screen)") }
        return status
    }

    /// Runs one tmux command and returns its output.
    ///
    /// Spawned with `posix_spawn` rather than `Process`: a child inherits the spawning thread's
    /// signal mask, and Swift concurrency's threads block SIGTERM, SIGHUP and SIGCHLD, which a
    /// tmux server started from them would then never see (so `kill-server` would not work and
    /// exited panes would not be noticed). Here the mask and dispositions are reset and no
    /// descriptor but the output pipe is inherited.
    @discardableResult
    private func tmux(_ arguments: [String], timeout: TimeInterval = 10) throws -> String {
        let argv = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed") }
        defer { close(pipeEnds[0]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        // A tmux server lives on: it must not keep other tests' pipes open (their readers would
        // never see the end of their output).
        guard let closeFrom = Self.closeFrom, closeFrom(&actions, 3) == 0 else {
            throw Failure(description: "posix_spawn_file_actions_addclosefrom_np is unavailable")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, environ)
        close(pipeEnds[1])
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: \(String(cString: strerror(spawned)))") }

        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            let ready = poll(&poller, 1, remaining)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                throw Failure(description: "tmux \(arguments.first ?? "") did not finish in \(Int(timeout)) s")
            }
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[0..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = String(decoding: output, as: UTF8.self)
        // Exited normally with status 0: WIFEXITED and WEXITSTATUS, spelled out.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed: \(text)")
        }
        return text
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift does not see
    /// without `_GNU_SOURCE`.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
