import Foundation
import GRDB

/// One week of practice.
package struct WeekStats: Sendable, Equatable, Codable {
    /// The first day of the week.
    package var start: LocalDay
    package var sessions: Int
    package var minutes: Double
    /// Mean discomfort of the sets rated that week; nil if none were.
    package var discomfort: Double?
    /// How many sets were rated.
    package var discomfortRatings: Int

    package init(start: LocalDay, sessions: Int, minutes: Double, discomfort: Double?, discomfortRatings: Int) {
        self.start = start
        self.sessions = sessions
        self.minutes = minutes
        self.discomfort = discomfort
        self.discomfortRatings = discomfortRatings
    }
}

/// How often an exercise was practised in the stats window.
package struct ExerciseCount: Sendable, Equatable, Codable {
    package var exercise: String
    package var sets: Int
    /// Seconds held, over its timed sets.
    package var seconds: Double

    package init(exercise: String, sets: Int, seconds: Double) {
        self.exercise = exercise
        self.sets = sets
        self.seconds = seconds
    }
}

/// Which way discomfort is going over the stats window.
package enum DiscomfortTrend: String, Sendable, Codable {
    case rising, falling, steady
}

/// What `limber stats` shows: streaks, weekly totals, exercises, and the discomfort trend.
package struct LogStats: Sendable, Equatable, Codable {
    package var today: LocalDay
    package var streaks: Streaks
    /// Mobility sessions ever logged.
    package var totalSessions: Int
    /// The first day with a mobility session.
    package var firstDay: LocalDay?
    /// The last N weeks, oldest first, the current week last.
    package var weeks: [WeekStats]
    /// Exercises practised in those weeks, most practised first; exercises the caller named as
    /// known but not practised are included with zero sets, last.
    package var exercises: [ExerciseCount]
    /// nil when fewer than two weeks have discomfort ratings.
    package var discomfortTrend: DiscomfortTrend?

    package init(
        today: LocalDay, streaks: Streaks, totalSessions: Int, firstDay: LocalDay?, weeks: [WeekStats],
        exercises: [ExerciseCount], discomfortTrend: DiscomfortTrend?
    ) {
        self.today = today
        self.streaks = streaks
        self.totalSessions = totalSessions
        self.firstDay = firstDay
        self.weeks = weeks
        self.exercises = exercises
        self.discomfortTrend = discomfortTrend
    }

    /// The `count` most practised exercises.
    package func mostPractised(_ count: Int) -> [ExerciseCount] {
        Array(exercises.filter { $0.sets > 0 }.prefix(count))
    }

    /// The `count` least practised exercises, least first (including never practised known ones).
    package func leastPractised(_ count: Int) -> [ExerciseCount] {
        Array(exercises.sorted { ($0.sets, $0.exercise) < ($1.sets, $1.exercise) }.prefix(count))
    }

    /// The trend of weekly mean discomfort: a least-squares slope of at least a quarter point a
    /// week either way counts as rising or falling.
    static func trend(of weeks: [WeekStats]) -> DiscomfortTrend? {
        let points = weeks.enumerated().compactMap { index, week in week.discomfort.map { (Double(index), $0) } }
        guard points.count >= 2 else { return nil }
        let meanX = points.reduce(0) { $0 + $1.0 } / Double(points.count)
        let meanY = points.reduce(0) { $0 + $1.1 } / Double(points.count)
        let covariance = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let variance = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        let slope = variance == 0 ? 0 : covariance / variance
        if slope >= 0.25 { return .rising }
        if slope <= -0.25 { return .falling }
        return .steady
    }
}

extension SessionLog {
    /// Statistics as of `today` over the last `weeks` weeks (weeks start on `firstWeekday`,
    /// 1 = Sunday), in one read transaction. Every query is an index range over the window,
    /// except the streak, which reads one index entry per practice day.
    ///
    /// - Parameter known: exercise ids to list with zero sets when not practised (the catalogue).
    package func stats(today: LocalDay, weeks: Int = 8, firstWeekday: Int = 2, known: [String] = []) throws -> LogStats {
        let weekCount = max(1, weeks)
        let first = today.startOfWeek(firstWeekday: firstWeekday).adding(days: -7 * (weekCount - 1))
        return try read { db in
            let streaks = try Self.streaks(db, today: today)
            let totals = try Row.fetchOne(
                db, sql: "SELECT count(*) AS n, min(local_day) AS first FROM session WHERE activity = 'mobility'")
            let firstDay: Int? = totals?["first"]

            var weekStats = (0..<weekCount).map {
                WeekStats(start: first.adding(days: 7 * $0), sessions: 0, minutes: 0, discomfort: nil, discomfortRatings: 0)
            }
            func weekIndex(_ day: Int) -> Int? {
                let index = LocalDay.floorDiv(day - first.number, 7)
                return weekStats.indices.contains(index) ? index : nil
            }
            let perDay = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.local_day AS day, count(*) AS n,
                           sum(coalesce(s.ended_at, (SELECT max(at) FROM session_set WHERE session_id = s.id), s.started_at)
                               - s.started_at) AS seconds
                    FROM session AS s
                    WHERE s.activity = 'mobility' AND s.local_day BETWEEN ? AND ?
                    GROUP BY s.local_day
                    """,
                arguments: [first.number, today.number])
            for row in perDay {
                guard let index = weekIndex(row["day"]) else { continue }
                weekStats[index].sessions += row["n"] as Int
                weekStats[index].minutes += Double(max(0, row["seconds"] as Int64? ?? 0)) / 60
            }
            let discomfort = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.local_day AS day, sum(st.discomfort) AS total, count(st.discomfort) AS n
                    FROM session AS s JOIN session_set AS st ON st.session_id = s.id
                    WHERE s.activity = 'mobility' AND s.local_day BETWEEN ? AND ? AND st.discomfort IS NOT NULL
                    GROUP BY s.local_day
                    """,
                arguments: [first.number, today.number])
            var discomfortTotals = Array(repeating: 0, count: weekCount)
            for row in discomfort {
                guard let index = weekIndex(row["day"]) else { continue }
                discomfortTotals[index] += row["total"] as Int
                weekStats[index].discomfortRatings += row["n"] as Int
            }
            for index in weekStats.indices where weekStats[index].discomfortRatings > 0 {
                weekStats[index].discomfort = Double(discomfortTotals[index]) / Double(weekStats[index].discomfortRatings)
            }

            var exercises = try Row.fetchAll(
                db,
                sql: """
                    SELECT st.exercise AS exercise, count(*) AS n,
                           total(CASE WHEN st.unit = 'seconds' THEN st.actual END) AS seconds
                    FROM session AS s JOIN session_set AS st ON st.session_id = s.id
                    WHERE s.activity = 'mobility' AND s.local_day BETWEEN ? AND ?
                    GROUP BY st.exercise
                    """,
                arguments: [first.number, today.number]
            ).map { ExerciseCount(exercise: $0["exercise"], sets: $0["n"], seconds: $0["seconds"]) }
            exercises.sort { ($0.sets, $1.exercise) > ($1.sets, $0.exercise) }
            let practised = Set(exercises.map(\.exercise))
            exercises += known.filter { !practised.contains($0) }.sorted().map {
                ExerciseCount(exercise: $0, sets: 0, seconds: 0)
            }

            return LogStats(
                today: today, streaks: streaks, totalSessions: totals?["n"] ?? 0,
                firstDay: firstDay.map(LocalDay.init(number:)), weeks: weekStats, exercises: exercises,
                discomfortTrend: LogStats.trend(of: weekStats))
        }
    }
}
