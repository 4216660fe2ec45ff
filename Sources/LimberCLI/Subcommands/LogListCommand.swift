import ArgumentParser
import Foundation
import LimberCore

/// `limber log [list]`: recent sessions, readable or as JSON.
struct LogListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recent sessions (the default for `limber log`).",
        discussion: "Without --since, shows the last 20 sessions."
    )

    @Option(
        help: ArgumentHelp(
            "Only sessions since then: 7d (the last 7 days and today), 2w, 1y, today, yesterday or a date YYYY-MM-DD.",
            valueName: "period"))
    var since: String?

    @Option(help: ArgumentHelp("Only this routine (or exercise, or run).", valueName: "id"))
    var routine: String?

    @Option(help: "At most this many sessions, the newest.")
    var limit: Int?

    @Flag(help: "Print the sessions with their sets as JSON.")
    var json = false

    func run() throws {
        let today = try CommandLog.today()
        var query = SessionQuery(routine: routine, limit: limit)
        if let since {
            guard let day = LogDateInput.firstDay(since, today: today) else {
                throw LimberFailure("--since '\(since)' is not a period like 7d, 2w, 1y or a date YYYY-MM-DD")
            }
            query.sinceDay = day
        } else if limit == nil {
            query.limit = 20
        }
        if let limit = query.limit, limit < 1 { throw LimberFailure("--limit must be at least 1") }
        let log = try CommandLog.open()
        let (summaries, marks, sets) = try CommandLog.perform {
            let summaries = try log.summaries(query)
            let from = query.sinceDay ?? summaries.first?.session.day ?? today
            let marks = routine == nil ? try log.marks(from: from, through: today) : []
            let sets = json ? try summaries.map { try log.sets(session: $0.session.id) } : []
            return (summaries, marks, sets)
        }
        if json {
            let sessions = zip(summaries, sets.isEmpty ? Array(repeating: [], count: summaries.count) : sets).map(
                JSONSession.init)
            print(try JSONOutput.string(JSONLog(sessions: sessions, daysOff: marks.map(JSONDayOff.init))))
            return
        }
        print(render(summaries, marks: marks, terminal: Terminal()), terminator: "")
    }

    func render(_ summaries: [SessionSummary], marks: [DayMark], terminal: Terminal) -> String {
        if summaries.isEmpty && marks.isEmpty {
            if since != nil || routine != nil { return "no sessions match\n" }
            return "no sessions logged yet; `limber log add ROUTINE|EXERCISE` adds one done elsewhere\n"
        }
        enum Line { case session(SessionSummary), mark(DayMark) }
        var lines = marks.map { ($0.day, Line.mark($0)) } + summaries.map { ($0.session.day, Line.session($0)) }
        // Marks first within a day, sessions in time order: a stable sort by day keeps both.
        lines = lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        let width = max(8, summaries.map(\.session.routine.terminalSafe.count).max() ?? 0)
        var output = ""
        for (_, line) in lines {
            switch line {
            case .session(let summary):
                let session = summary.session
                var cells = [
                    CommandLog.dayLabel(session.day) + " " + CommandLog.clock(session.startedAt),
                    session.routine.terminalSafe.padding(toLength: width, withPad: " ", startingAt: 0),
                    session.source.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0),
                    (summary.sets == 0 ? "" : CommandLog.count(summary.sets, "set")).padding(
                        toLength: 8, withPad: " ", startingAt: 0),
                    String(format: "%4.0f min", (summary.seconds / 60).rounded()),
                ]
                if session.activity == .mobility {
                    cells.append(session.completed ? terminal.green("completed") : terminal.yellow("ended early"))
                }
                if let worst = summary.maxDiscomfort { cells.append("discomfort \(worst)") }
                if let notes = session.notes {
                    cells.append(terminal.dim("— " + notes.replacingOccurrences(of: "\n", with: " ").terminalSafe))
                }
                output += cells.joined(separator: "  ") + "\n"
            case .mark(let mark):
                let what = mark.kind == .skip ? "skipped" : "rest day"
                output +=
                    terminal.dim(
                        CommandLog.dayLabel(mark.day) + "        " + what + (mark.reason.map { ": \($0.terminalSafe)" } ?? ""))
                    + "\n"
            }
        }
        return output
    }
}

/// `limber log --json`.
struct JSONLog: Encodable {
    var sessions: [JSONSession]
    var daysOff: [JSONDayOff]

    enum CodingKeys: String, CodingKey {
        case sessions
        case daysOff = "days_off"
    }
}

/// One session in `limber log --json`.
struct JSONSession: Encodable {
    var id: Int64
    var uuid: String
    var routine: String
    var activity: String
    var source: String
    var startedAt: String
    var endedAt: String?
    var completed: Bool
    var outcome: String
    var day: String
    var minutes: Double
    var notes: String?
    var sets: [JSONSet]

    init(_ summary: SessionSummary, sets: [LoggedSet]) {
        let session = summary.session
        id = session.id
        uuid = session.uuid
        routine = session.routine
        activity = session.activity.rawValue
        source = session.source.rawValue
        startedAt = JSONSession.time(session.startedAt)
        endedAt = session.endedAt.map(JSONSession.time)
        completed = session.completed
        outcome = session.outcome.rawValue
        day = session.day.iso
        minutes = summary.seconds / 60
        notes = session.notes
        self.sets = sets.map(JSONSet.init)
    }

    static func time(_ date: Date) -> String {
        ISO8601DateFormatter.string(
            from: date, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, formatOptions: [.withInternetDateTime])
    }

    enum CodingKeys: String, CodingKey {
        case id, uuid, routine, activity, source, completed, outcome, day, minutes, notes, sets
        case startedAt = "started_at"
        case endedAt = "ended_at"
    }
}

/// One set in `limber log --json`.
struct JSONSet: Encodable {
    var exercise: String
    var side: String?
    var unit: String
    var planned: Double?
    var actual: Double?
    var completed: Bool
    var discomfort: Int?
    var at: String

    init(_ set: LoggedSet) {
        exercise = set.exercise
        side = set.side?.rawValue
        unit = set.unit.rawValue
        planned = set.planned
        actual = set.actual
        completed = set.completed
        discomfort = set.discomfort
        at = JSONSession.time(set.at)
    }
}

/// A skipped or rest day in `limber log --json`.
struct JSONDayOff: Encodable {
    var day: String
    var kind: String
    var reason: String?

    init(_ mark: DayMark) {
        day = mark.day.iso
        kind = mark.kind.rawValue
        reason = mark.reason
    }
}
