import Foundation
import LimberCore

extension LimberHost {
    /// How far back the history handed to `adjust` reaches.
    public static let progressionHistoryDays = 365

    /// Today's plan for `routine`: its doses written out, then each of its progressions applied
    /// in load order, each change held to ``ProgressionSafety``.
    ///
    /// A progression that raises or returns a bad plan is skipped with a line in `problems`;
    /// the plan goes on without it.
    public func progressed(_ routine: Routine, now: Date) -> ProgressedRoutine {
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
            history = LuaTable(array: sessions.map { session in
                LuaValue.table(HostAPI.sessionTable(session, sets: bySession[session.id] ?? []))
            })
            if let session = sessions.last {
                let sets = bySession[session.id] ?? []
                var planned: [String: Int] = [:]
                for set in sets {
                    planned[set.exercise] = max(planned[set.exercise] ?? 0, Int(set.planned ?? 0))
                }
                last = .init(maxDiscomfort: sets.compactMap(\.discomfort).max(), planned: planned)
            }
        } catch {
            result.problems.append("progressions for \(routine.id) skipped: cannot read the log: \(error)")
            return result
        }

        var context = LuaTable()
        context["now"] = .integer(Int64(now.timeIntervalSince1970))
        context["today"] = .string(LocalDay(now, in: sessionLog.timeZone).iso)
        context["last_discomfort"] = last?.maxDiscomfort.map { .integer(Int64($0)) } ?? .nil
        context["last_run"] = HostAPI.lastRunValue(sessionLog, now: now)

        for definition in definitions {
            do {
                let plan = try LuaValueEncoder().encode(current)
                let returned = try callPlugin(definition.adjust, [plan, .table(history), .table(context)])
                guard let first = returned.first, !first.isNil else { continue }
                var adjusted: Routine
                do {
                    adjusted = try LuaValueDecoder().decode(Routine.self, from: first)
                } catch {
                    throw LuaError.conversion("adjust returned a bad plan: \(error.message)")
                }
                adjusted.id = current.id
                try adjusted.validate(against: catalogue)
                let reason = returned.count > 1 ? returned[1].stringValue : nil
                let reviewed = ProgressionSafety.review(
                    base: current, adjusted: adjusted.resolved(in: catalogue), progression: definition.id,
                    reason: reason, last: last)
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
