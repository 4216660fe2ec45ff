import Foundation
import LimberCore

/// The session log as the Lua host uses it: opened on first use (so a script that never logs
/// never touches the database), with the clock and time zone it logs in.
package final class HostLog {
    private let paths: LimberPaths
    private var opened: SessionLog?
    /// The wall-clock time that `limber.log.record` stamps; tests replace it.
    package var now: () -> Date = { Date() } {
        didSet { readsSystemClock = false }
    }
    /// Whether `now` is still the system clock, which ``secondsSince1970()`` then reads itself.
    private var readsSystemClock = true
    /// The zone whose calendar days streaks and `day` fields use; looked up on first use, since
    /// the local zone comes from ICU's time zone data, which a script that never logs need not load.
    package lazy var timeZone: TimeZone = .current
    /// Sessions a script is writing set by set, by routine id, until the script ends.
    private(set) var recordings: [String: SessionRecording] = [:]

    package init(paths: LimberPaths) {
        self.paths = paths
    }

    /// `now()` in seconds since 1970-01-01 UTC (`limber.now`): read straight from the system
    /// clock, without a `Date` or a closure call, while `now` has not been replaced.
    func secondsSince1970() -> Double {
        guard readsSystemClock else { return now().timeIntervalSince1970 }
        var time = timespec()
        guard clock_gettime(CLOCK_REALTIME, &time) == 0 else { return now().timeIntervalSince1970 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The reads `limber remind` keeps between runs; nil elsewhere (every read asks the log).
    package var reads: RemindLogCache?

    /// The log, opened at `paths.database` the first time it is needed. A use of the log this
    /// way (a write, or a read the cache does not keep) ends the cache's part in the run.
    package func log() throws -> SessionLog {
        reads?.stop()
        return try openLog()
    }

    /// The log if this host opened it; nil otherwise (nothing is opened).
    package var openedLog: SessionLog? { opened }

    /// A read that ``reads`` may answer: `read` runs on the log only when the cache has no
    /// answer for `key` (the log changed, or it was never asked), and its answer is kept.
    func cachedRead(_ key: String, _ read: (SessionLog) throws -> LuaValue) throws -> LuaValue {
        guard let reads, reads.begin(logOpen: opened != nil) else { return try read(log()) }
        if let answer = reads.answer(key) { return answer }
        let answer = try read(openLog())
        reads.learn(key, answer)
        return answer
    }

    private func openLog() throws -> SessionLog {
        if let opened { return opened }
        let log = try SessionLog(paths: paths)
        opened = log
        return log
    }

    /// Closes the log's database connection if it was opened (see ``SessionLog/close()``).
    package func closeIfOpened() throws {
        try opened?.close()
    }

    /// Uses `log` instead of the one at the user's path (tests, dry runs).
    package func use(_ log: SessionLog) {
        opened = log
    }

    /// The open session of `routine`, started now if the script has not started one.
    func recording(routine: String) throws -> SessionRecording {
        if let recording = recordings[routine] { return recording }
        let recording = try SessionRecording(log: try log(), routine: routine, source: .script, at: now(), timeZone: timeZone)
        recordings[routine] = recording
        return recording
    }

    /// Finishes every session a script wrote set by set: completed when the script ended well,
    /// ended early otherwise. Call it when a script or the REPL ends; a process that dies
    /// without calling it leaves those sessions reading as ended early, with every set kept.
    package func finishRecordings(completed: Bool) throws {
        let open = recordings.values.sorted { $0.id < $1.id }
        recordings = [:]
        for recording in open {
            try recording.finish(at: now(), completed: completed)
        }
    }
}
