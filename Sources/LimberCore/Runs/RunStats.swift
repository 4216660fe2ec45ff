import Foundation
import GRDB

/// One week of running.
package struct RunWeek: Sendable, Equatable, Codable {
    /// The first day of the week.
    package var start: LocalDay
    package var runs: Int
    package var minutes: Double
    /// Kilometres of the runs with a known distance.
    package var kilometres: Double

    package init(start: LocalDay, runs: Int, minutes: Double, kilometres: Double) {
        self.start = start
        self.runs = runs
        self.minutes = minutes
        self.kilometres = kilometres
    }
}

/// Runs beside mobility in `limber stats`: weekly distance, and how many runs were followed by
/// a mobility session (a cool-down) within a few hours of their end.
package struct RunStats: Sendable, Equatable, Codable {
    /// A mobility session starting this long after a run ends (or during it) counts as its cool-down.
    package static let cooldownWindowHours = 3

    package var weeks: [RunWeek]
    /// Runs in those weeks.
    package var runs: Int
    /// Of those, how many were followed by a cool-down.
    package var followedByCooldown: Int
    package var cooldownWindowHours: Int
    /// Those runs by how they reached the log: `import` (from a file), `manual`, `script`.
    package var bySource: [String: Int]

    package init(
        weeks: [RunWeek], runs: Int, followedByCooldown: Int, cooldownWindowHours: Int = RunStats.cooldownWindowHours,
        bySource: [String: Int] = [:]
    ) {
        self.weeks = weeks
        self.runs = runs
        self.followedByCooldown = followedByCooldown
        self.cooldownWindowHours = cooldownWindowHours
        self.bySource = bySource
    }
}

extension SessionLog {
    /// Run statistics over the same weeks as ``stats(today:weeks:firstWeekday:known:)``.
    package func runStats(today: LocalDay, weeks: Int = 8, firstWeekday: Int = 2) throws -> RunStats {
        let weekCount = max(1, weeks)
        let first = today.startOfWeek(firstWeekday: firstWeekday).adding(days: -7 * (weekCount - 1))
        let window = Int64(RunStats.cooldownWindowHours) * 3600
        return try read { db in
            var result = (0..<weekCount).map { RunWeek(start: first.adding(days: 7 * $0), runs: 0, minutes: 0, kilometres: 0) }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.local_day AS day, coalesce(r.ended_at, r.started_at) - r.started_at AS seconds,
                           d.distance_m AS metres, r.source AS source,
                           EXISTS (SELECT 1 FROM session AS m WHERE m.activity = 'mobility'
                                   AND m.started_at BETWEEN r.started_at AND coalesce(r.ended_at, r.started_at) + ?) AS cooled
                    FROM session AS r LEFT JOIN run_detail AS d ON d.session_id = r.id
                    WHERE r.activity = 'run' AND r.local_day BETWEEN ? AND ?
                    """,
                arguments: [window, first.number, today.number])
            var runs = 0, cooled = 0
            var bySource: [String: Int] = [:]
            for row in rows {
                let index = LocalDay.floorDiv((row["day"] as Int) - first.number, 7)
                guard result.indices.contains(index) else { continue }
                runs += 1
                if row["cooled"] as Bool { cooled += 1 }
                bySource[row["source"] as String, default: 0] += 1
                result[index].runs += 1
                result[index].minutes += Double(max(0, row["seconds"] as Int64? ?? 0)) / 60
                result[index].kilometres += (row["metres"] as Double? ?? 0) / 1000
            }
            return RunStats(weeks: result, runs: runs, followedByCooldown: cooled, bySource: bySource)
        }
    }
}
