import Foundation
import LimberCore

extension LimberHost {
    /// How far back the history handed to `adjust` reaches.
    package static let progressionHistoryDays = 365

    /// Today's plan for `routine`: its doses written out, then each of its progressions applied
    /// in load order, each change held to ``ProgressionSafety``.
    ///
    /// A progression that raises or returns a bad plan is skipped with a line in `problems`;
    /// the plan goes on without it.
    package func progressed(_ routine: Routine, now: Date) -> ProgressedRoutine {
        var current = routine.resolved(in: catalogue)
        var result = ProgressedRoutine(routine: current, changes: [], progressions: [], problems: [])
        let definitions = progressions.progressions(for: routine.id)
        guard !definitions.isEmpty else { return result }

        var history = LuaTable()
        var last: ProgressionSafety.LastSession?
        do {
            let log = try sessionLog.log()
            let since = now.addingTimeInterval(-Double(Self.progressionHistoryDays) * 86_400)
            let sessions = try log.sessions(SessionQuery(since: since, routine: routine.id))
            let sets = try log.sets(SetQuery(routine: routine.id, since: since))
            let bySession = Dictionary(grouping: sets, by: \.sessionID)
            history = LuaTable(
                array: sessions.map { session in
                    LuaValue.table(HostAPI.sessionTable(session, sets: bySession[session.id] ?? []))
                })
            if let session = sessions.last {
                last = ProgressionSafety.LastSession(sets: bySession[session.id] ?? [])
            }
        } catch {
            result.problems.append("progressions for \(routine.id) skipped: cannot read the log: \(error)")
            return result
        }

        var context = LuaTable()
        context["now"] = .integer(CheckedNumber.saturatingStamp(now))
        context["today"] = .string(LocalDay(now, in: sessionLog.timeZone).iso)
        context["last_discomfort"] = last?.maxDiscomfort.map { .integer(Int64($0)) } ?? .nil
        context["discomfort_limit"] = .integer(Int64(ProgressionSafety.discomfortLimit))
        context["last_run"] = HostAPI.lastRunValue(sessionLog, now: now)

        for definition in definitions {
            do {
                let plan = try LuaValueEncoder().encode(current)
                let returned = try during(.describe) { () throws(LuaError) in
                    try callPlugin(definition.adjust, [plan, .table(history), .table(context)], owner: definition.source)
                }
                // nil keeps the plan it was given, which is still held to the rule (the routine's
                // own doses may be more than a session that hurt).
                var adjusted = current
                let unchanged = returned.first?.isNil ?? true
                if let first = returned.first, !first.isNil {
                    do {
                        adjusted = try LuaValueDecoder().decode(Routine.self, from: first)
                    } catch {
                        throw LuaError.conversion("adjust returned a bad plan: \(error.message)")
                    }
                    adjusted.id = current.id
                    try adjusted.validate(against: catalogue)
                }
                let reason = returned.count > 1 ? returned[1].stringValue : nil
                let reviewed = ProgressionSafety.review(
                    base: current, adjusted: adjusted.resolved(in: catalogue),
                    progression: definition.id, reason: reason, last: last, catalogue: catalogue)
                // nil with nothing for the rule to hold back: the progression did not apply today.
                if unchanged && reviewed.changes.isEmpty { continue }
                current = reviewed.routine
                result.changes += reviewed.changes
                result.progressions.append((definition.id, definition.describe))
            } catch {
                result.problems.append("progression \(definition.id) (\(definition.source)) skipped: \(error)")
            }
        }
        result.routine = current
        return result
    }
}
