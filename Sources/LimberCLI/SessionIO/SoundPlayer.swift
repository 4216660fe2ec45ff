import Foundation
import LimberCore

/// Plays WAV files through the first audio player on `PATH` (`pw-play`, `paplay`, `aplay`),
/// never waiting for one: each sound is a child process started and left to play, and finished
/// children are reaped as later sounds start and when the session ends.
final class SoundPlayer {
    /// The players limber looks for, in order, and the arguments before the file.
    static let players: [(name: String, arguments: [String])] = [
        ("pw-play", []),
        ("paplay", []),
        ("aplay", ["-q"]),
    ]

    /// The line to show when sound was asked for and no player is on `PATH`.
    static let missingMessage =
        "sound needs pw-play, paplay or aplay on PATH (Debian: apt install pipewire-bin, pulseaudio-utils or alsa-utils); going on with the bell"

    /// Sounds playing at once, at most; past it the oldest is stopped.
    static let maximumPlaying = 6

    /// The player's path.
    let program: String
    private let leading: [String]
    private let environment: [String: String]
    /// Children started and not yet reaped, oldest first.
    private var playing: [pid_t] = []

    /// The first player found on `PATH`, or nil when there is none.
    init?(environment: [String: String] = ProcessEnvironment.current) {
        for player in Self.players {
            if let path = TimedProcess.locate(player.name, environment: environment) {
                program = path
                leading = player.arguments
                self.environment = environment
                return
            }
        }
        return nil
    }

    /// Starts playing `file` and returns at once; false if the player could not be started.
    @discardableResult
    func play(_ file: String) -> Bool {
        reap()
        while playing.count >= Self.maximumPlaying {
            kill(-playing.removeFirst(), SIGTERM)
        }
        guard let pid = spawn([program] + leading + [file]) else { return false }
        playing.append(pid)
        return true
    }

    /// Waits up to `timeout` for the sounds still playing (the session's last sound should be
    /// heard), then stops and reaps whatever is left.
    func finish(timeout: Duration = .seconds(3)) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !playing.isEmpty, clock.now < deadline {
            reap()
            if !playing.isEmpty { usleep(10_000) }
        }
        for pid in playing {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        playing.removeAll()
    }

    /// Collects the children that have ended.
    private func reap() {
        playing.removeAll { pid in
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            return result == pid || (result < 0 && errno == ECHILD)
        }
    }

    /// Starts a child in its own process group (a Ctrl-C at the terminal is the session's, not
    /// the player's), with standard streams on /dev/null and default signal handling.
    private func spawn(_ words: [String]) -> pid_t? {
        try? ChildSpawn.spawn(words, environment: environment, grouping: .ownGroup, prepare: ChildSpawn.nullStreams).get()
    }
}
