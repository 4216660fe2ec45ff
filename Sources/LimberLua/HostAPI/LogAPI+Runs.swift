import Foundation
import LimberCore

/// Runs as Lua sees them: sessions carry `seconds`, and runs `distance_m`, `sport` and `file`.
extension HostAPI {
    /// Session tables for `sessions`, runs with their details from the log.
    static func sessionTables(_ sessions: [LoggedSession], log: SessionLog) throws -> [LuaValue] {
        let runs = try log.runRecords(of: sessions)
        return sessions.map { session in
            var table = sessionTable(session)
            if let run = runs[session.id] { addRunFields(&table, run) }
            return .table(table)
        }
    }

    /// Adds `seconds` (end minus start), and for a run `distance_m`, `sport` and `file`.
    static func addRunFields(_ table: inout LuaTable, _ run: RunRecord) {
        table["seconds"] = run.seconds.map { .integer($0) } ?? .nil
        table["distance_m"] = run.distance.map { Int64(exactly: $0).map(LuaValue.integer) ?? .number($0) } ?? .nil
        table["sport"] = .string(run.sport ?? "running")
        table["file"] = run.sourceFile.map { .string($0) } ?? .nil
    }

    /// `ctx.last_run`: the last run started at or before `now` as a session table with its
    /// details, or nil (also when the log cannot be read: a reminder then sees no run). Asked as
    /// the latest run of all, which a kept answer (``RemindLogCache``) gives whatever `now` is,
    /// and again up to `now` only when that run started later (a `--now` in the past).
    static func lastRunValue(_ host: HostLog, now: Date) -> LuaValue {
        guard let latest = try? host.cachedRead(RemindLogCache.lastRunKey(), { runValue(try $0.lastRun()) }) else {
            return .nil
        }
        let bound = CheckedNumber.saturatingStamp(now)
        guard case .table(let table) = latest, let start = table["started_at"].integerValue, start > bound else {
            return latest
        }
        return (try? host.cachedRead(RemindLogCache.lastRunKey(atOrBefore: bound)) { runValue(try $0.lastRun(atOrBefore: now)) })
            ?? .nil
    }

    private static func runValue(_ run: RunRecord?) -> LuaValue {
        guard let run else { return .nil }
        var table = sessionTable(run.session)
        addRunFields(&table, run)
        return .table(table)
    }
}
