import Foundation
import LimberCore

/// The answers `limber remind` got from the log, kept for the next run while the log is
/// unchanged: a run at which nothing is due and nothing was logged since the last one then
/// never opens the database (opening it was a third of such a run).
///
/// It lives in `$XDG_CACHE_HOME/limber/remind-log` and holds, as Lua values, the results of the
/// reads reminders make (`limber.log.sessions` by its parsed query, `ctx.last_run`), with the
/// limber binary and the metadata stamps (``FileStamp/metadata(_:)``: size, modification and
/// change times, device, inode) of the database and its write-ahead log at the time they were
/// read. Any write to the log (by this limber, another one, `sqlite3`, a copy over it with
/// `touch -r`) moves a change time or an inode, which no user call can set back; so an answer is
/// used only while both stamps are the ones it was read under, and a change within one tick of
/// a coarse clock is ruled out as the reminder index rules it out: nothing is trusted or written
/// while either file changed within ``FileStamp/racyWindow`` seconds.
///
/// Answers are written at the end of a run that asked the log, only when the stamps did not
/// change while it ran: those the run used, and the older ones that still hold. Any other use of the log in the run (a write, a read this cache
/// does not keep, the log already open) ends the cache's part in it: every later read goes to
/// the database and nothing is written.
package final class RemindLogCache {
    private let file: CacheFile
    /// The database and its write-ahead log.
    private let watched: [String]
    /// The wall clock in seconds since 1970 (the file system's clock, never `--now`).
    private let wallClock: () -> Int64
    /// The running binary, as the reminder index names it: answers another limber kept are not used.
    private lazy var binary = ReminderIndexKey.binary()

    private enum State {
        /// No read asked yet.
        case idle
        /// Reads are answered from `trusted` and recorded; `header` names the binary and the
        /// stamps at the first read, which the answers are kept under.
        case active(header: [UInt8], trusted: [String: LuaValue])
        /// The log is used otherwise in this run: nothing is answered or written.
        case off
    }
    private var state = State.idle
    /// The answers this run used, from the file or the log.
    private var used: [String: LuaValue] = [:]
    /// Whether any of them came from the log (so the file needs writing).
    private var learnt = false

    /// The cache of the log at `database`, in the folder `cache`.
    package init(cache: URL, database: URL, wallClock: @escaping () -> Int64 = { Int64(time(nil)) }) {
        file = CacheFile(
            url: cache.appendingPathComponent("remind-log"), frame: Self.frame, maximumSize: 256 << 10)
        watched = [database.path, database.path + "-wal"]
        self.wallClock = wallClock
    }

    /// The most answers kept: those the last run used, then older ones; and the largest one
    /// kept (written out), so that a reminder reading the whole log does not make every run
    /// read and hash a large file instead (within 256 KiB in all).
    static let maximumEntries = 64
    static let maximumEntrySize = 64 << 10

    static let frame = CacheFile.Frame(magic: "limber-remind-log", version: 1)

    /// The key of `ctx.last_run`: the latest run of all (whatever `now` is), or the latest
    /// that started at or before `bound` (seconds since 1970).
    static func lastRunKey(atOrBefore bound: Int64? = nil) -> String {
        bound.map { "last-run \($0)" } ?? "last-run"
    }

    /// The key of a `limber.log.sessions` read.
    static func key(_ query: SessionQuery) -> String {
        var words = ["sessions"]
        words.append(query.since.map { "since=" + String($0.timeIntervalSince1970.bitPattern, radix: 16) } ?? "-")
        words.append(query.sinceDay.map { "day=" + $0.iso } ?? "-")
        words.append(query.routine.map { "routine=" + CacheFile.escape($0) } ?? "-")
        words.append(query.activity.map { "activity=" + $0.rawValue } ?? "-")
        words.append(query.limit.map { "limit=\($0)" } ?? "-")
        return words.joined(separator: " ")
    }

    /// Whether reads may go through the cache now. The first read decides: with the log
    /// already open (the run imported runs, or wrote), the cache stays out of this run.
    func begin(logOpen: Bool) -> Bool {
        switch state {
        case .active: return true
        case .off: return false
        case .idle: break
        }
        guard !logOpen else {
            state = .off
            return false
        }
        let now = wallClock()
        let start = stamps()
        guard !start.contains(where: { $0.isRacy(now: now) }) else {
            state = .off
            return false
        }
        let header = header(start)
        state = .active(header: header, trusted: read(under: header) ?? [:])
        return true
    }

    /// The kept answer for `key`, if the log is as it was when it was read.
    func answer(_ key: String) -> LuaValue? {
        guard case .active(_, let trusted) = state, let value = used[key] ?? trusted[key] else { return nil }
        used[key] = value
        return value
    }

    /// The answer the log gave for `key`, to keep.
    func learn(_ key: String, _ value: LuaValue) {
        guard case .active = state else { return }
        used[key] = value
        learnt = true
    }

    /// The log is used otherwise in this run: nothing more is answered or written.
    func stop() {
        state = .off
        used = [:]
    }

    /// Writes the answers this run used, if any came from the log, the log's stamps are still
    /// those of the first read, and neither file changed within the racy window. Call it after
    /// the log is closed (closing removes the write-ahead log a read created).
    package func finish() {
        guard case .active(let header, let trusted) = state, learnt else { return }
        let now = wallClock()
        let end = stamps()
        guard !end.contains(where: { $0.isRacy(now: now) }), self.header(end) == header else { return }
        // The answers kept before still hold (the log is the same): kept too, after this run's,
        // so reminders asked at different runs do not push each other's answers out.
        var body = header
        var count = 0
        func keep(_ key: String, _ value: LuaValue) {
            guard count < Self.maximumEntries, let encoded = LuaValueWords.encode(value), encoded.count <= Self.maximumEntrySize
            else { return }
            let line =
                Array("entry ".utf8) + CacheFile.escape(bytes: key.utf8) + [UInt8(ascii: " ")] + encoded + [UInt8(ascii: "\n")]
            guard file.frame.headerSize + body.count + line.count <= file.maximumSize else { return }
            body += line
            count += 1
        }
        for (key, value) in used { keep(key, value) }
        for (key, value) in trusted where used[key] == nil { keep(key, value) }
        file.write(body)
        state = .off
    }

    // MARK: the file

    private func stamps() -> [FileStamp] {
        watched.map(FileStamp.metadata)
    }

    /// The lines naming what the answers were read under: the binary, then each file's stamp.
    private func header(_ stamps: [FileStamp]) -> [UInt8] {
        Array((CacheFile.line(["binary", binary]) + stamps.map(\.line).joined()).utf8)
    }

    /// The answers in the file, if it was written under `header`; nil when it is missing,
    /// damaged, or written under anything else.
    private func read(under header: [UInt8]) -> [String: LuaValue]? {
        guard let body = file.read(), body.starts(with: header) else { return nil }
        guard let lines = CacheFile.lines(body[(body.startIndex + header.count)...]) else { return nil }
        var answers: [String: LuaValue] = [:]
        for words in lines {
            guard words.count >= 3, words[0].elementsEqual("entry".utf8),
                let value = LuaValueWords.decode(words[2...])
            else { return nil }
            answers[CacheFile.unescape(words[1])] = value
        }
        return answers
    }
}
