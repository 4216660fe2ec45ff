import ArgumentParser
import Foundation
import LimberCore

/// `limber log add ROUTINE|EXERCISE|run`: a session done away from the computer.
struct LogAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log a session done away from the computer: an exercise, a routine, or a run.",
        discussion: """
            An exercise (id, alias or name) is logged as sets at its default dose unless --hold \
            or --reps says otherwise; a per-side exercise gets a set for each side. A routine is \
            logged as a set for each step (and side) at its dose. `run` logs a run (reminders use \
            it). Any other name is refused unless --routine says to log it under that name.

            Examples:
              limber log add cat-cow --reps 12
              limber log add figure-four-stretch --hold 60 --sets 2 --at "yesterday 18:30"
              limber log add runner-cooldown --minutes 12 --discomfort 2
              limber log add run --minutes 45 --distance 8km --note "easy"
            """
    )

    @Argument(help: ArgumentHelp("An exercise, a routine id, or 'run'.", valueName: "routine|exercise|run"))
    var name: String

    @Option(
        help: ArgumentHelp(
            "When it started: 18:30, \"yesterday 18:30\", 2024-05-01T18:30, \"2h ago\" (default: it ended now).",
            valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("Seconds held per set.", valueName: "seconds"))
    var hold: Double?

    @Option(help: ArgumentHelp("Repetitions (or breaths) per set.", valueName: "count"))
    var reps: Double?

    @Option(help: "Sets (per side for per-side exercises).")
    var sets: Int = 1

    @Option(help: ArgumentHelp("Only one side of a per-side exercise.", valueName: "left|right"))
    var side: LoggedSet.Side?

    @Option(help: ArgumentHelp("How long it took, in minutes.", valueName: "minutes"))
    var minutes: Double?

    @Option(help: ArgumentHelp("How far a run went: 8km, 5mi, 800m (a unit is needed).", valueName: "distance"))
    var distance: String?

    @Option(help: ArgumentHelp("Discomfort felt, 0 (none) to 10.", valueName: "0-10"))
    var discomfort: Int?

    @Option(help: "A note to keep with it.")
    var note: String?

    @Flag(help: "It was stopped before the end.")
    var endedEarly = false

    @Flag(help: "The name is a routine, even if it looks like an exercise's.")
    var routine = false

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if sets < 1 || sets > 100 { throw ValidationError("--sets must be between 1 and 100") }
        if let discomfort, !(0...10).contains(discomfort) { throw ValidationError("--discomfort must be between 0 and 10") }
        if hold != nil && reps != nil { throw ValidationError("give --hold or --reps, not both") }
        for (flag, value, range) in [
            ("--hold", hold, LogLimits.amount), ("--reps", reps, LogLimits.amount), ("--minutes", minutes, LogLimits.minutes),
        ] {
            guard let value else { continue }
            if !(value.isFinite && value > 0) { throw ValidationError("\(flag) must be a number above 0") }
            do {
                _ = try CheckedNumber.number(value, field: flag, in: range)
            } catch {
                throw ValidationError("\(flag): \(error.reason)")
            }
        }
    }

    func run() throws {
        let now = try CommandLog.now()
        let timeZone = CommandLog.timeZone
        var start = now
        if let at {
            guard let moment = LogDateInput.moment(at, now: now, timeZone: timeZone) else {
                throw LimberFailure("--at '\(at)' is not a time like 18:30, \"yesterday 18:30\" or 2024-05-01T18:30")
            }
            start = moment
        }
        var session = try newSession(start: start)
        if at == nil {
            // Logged right after doing it: it ended now.
            let end = session.endedAt ?? session.sets.map(\.at).max() ?? start
            let length = end.timeIntervalSince(start)
            session.startedAt.addTimeInterval(-length)
            session.endedAt?.addTimeInterval(-length)
            for index in session.sets.indices { session.sets[index].at.addTimeInterval(-length) }
        }
        let log = try CommandLog.open()
        let logged = try CommandLog.perform { try log.log(session, timeZone: timeZone) }
        let streak = try CommandLog.perform { try log.streaks(today: LocalDay(now, in: timeZone)).current?.days ?? 0 }
        var line = "logged \(logged.routine.terminalSafe)"
        if !session.sets.isEmpty { line += " (\(CommandLog.count(session.sets.count, "set")))" }
        line += " on \(CommandLog.dayLabel(logged.day)) at \(CommandLog.clock(logged.startedAt))"
        if logged.activity == .mobility { line += "; streak: \(CommandLog.count(streak, "day"))" }
        print(line)
    }

    /// The session to write: a run, an exercise's sets, or a routine.
    func newSession(start: Date) throws -> NewSession {
        let notes = note
        if name.lowercased() == "run" {
            if hold != nil || reps != nil || side != nil || discomfort != nil {
                throw LimberFailure("a run takes --at, --minutes, --distance and --note only")
            }
            return NewSession(
                activity: .run, routine: "run", source: .manual, startedAt: start,
                endedAt: minutes.map { start.addingTimeInterval($0 * 60) }, completed: !endedEarly, notes: notes,
                run: try runDetail())
        }
        if distance != nil { throw LimberFailure("--distance is for a run ('limber log add run')") }
        let (host, _) = try plugins.makeHost()
        guard !routine, let exercise = host.catalogue.get(name) else {
            if hold != nil || reps != nil || side != nil || sets != 1 {
                throw LimberFailure("'\(name)' is not an exercise; --hold, --reps, --sets and --side are for exercises")
            }
            if let known = host.sessions.routines.get(name) {
                return routineSession(host.progressed(known, now: start).routine, start: start)
            }
            guard routine else {
                let suggestion = host.sessions.routines.closestID(to: name) ?? host.catalogue.closestID(to: name)
                let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
                throw LimberFailure(
                    "unknown exercise or routine '\(name)'\(hint); add --routine to log it under that name anyway")
            }
            return NewSession(
                routine: name, source: .manual, startedAt: start,
                endedAt: minutes.map { start.addingTimeInterval($0 * 60) }, completed: !endedEarly, notes: notes,
                sets: [])
        }
        if side != nil && exercise.laterality != .perSide {
            throw LimberFailure("\(exercise.id) is not done per side; leave out --side")
        }
        var unit = exercise.dose.unit
        var amount = Double(exercise.dose.default)
        if let hold {
            unit = .seconds
            amount = hold
        } else if let reps {
            unit = exercise.dose.unit == .seconds ? .reps : exercise.dose.unit
            amount = reps
        }
        let sides: [LoggedSet.Side?] = exercise.laterality == .perSide ? (side.map { [$0] } ?? [.left, .right]) : [nil]
        var time = start
        var newSets: [NewSet] = []
        for _ in 0..<sets {
            for side in sides {
                time = time.addingTimeInterval(unit == .seconds ? amount : 0)
                newSets.append(
                    NewSet(
                        exercise: exercise.id, side: side, unit: unit, planned: amount, actual: amount,
                        completed: !endedEarly, at: time))
            }
        }
        if let discomfort { newSets[newSets.count - 1].discomfort = discomfort }
        return NewSession(
            routine: exercise.id, source: .manual, startedAt: start,
            endedAt: minutes.map { start.addingTimeInterval($0 * 60) }, completed: !endedEarly, notes: notes,
            sets: newSets)
    }

    /// What a run typed in keeps beyond its session: its distance, when given.
    func runDetail() throws -> RunDetail? {
        guard let distance else { return nil }
        guard let metres = DistanceInput.metres(distance) else {
            throw LimberFailure("--distance '\(distance.terminalSafe)' is not a distance like 8km, 5mi or 800m")
        }
        guard LogLimits.distance.contains(metres) else {
            throw LimberFailure("--distance '\(distance.terminalSafe)' is more than the log keeps (10,000 km)")
        }
        return RunDetail(sport: "running", distance: metres, sourceFile: nil)
    }

    /// A known routine done away from the computer: one set per side of each step, at its dose.
    func routineSession(_ routine: Routine, start: Date) -> NewSession {
        var time = start
        var newSets: [NewSet] = []
        for step in routine.steps {
            let unit: Dose.Unit = step.hold != nil ? .seconds : .reps
            let amount = Double(step.hold ?? step.reps ?? 0)
            let sides: [LoggedSet.Side?] = (step.sides ?? 1) == 2 ? [.left, .right] : [nil]
            for side in sides {
                time = time.addingTimeInterval(unit == .seconds ? amount : 0)
                newSets.append(
                    NewSet(
                        exercise: step.exercise, side: side, unit: unit, planned: amount, actual: amount,
                        completed: !endedEarly, at: time))
            }
        }
        if let discomfort, !newSets.isEmpty { newSets[newSets.count - 1].discomfort = discomfort }
        return NewSession(
            routine: routine.id, source: .manual, startedAt: start,
            endedAt: minutes.map { start.addingTimeInterval($0 * 60) }, completed: !endedEarly, notes: note,
            sets: newSets)
    }
}

extension LoggedSet.Side: ExpressibleByArgument {}
