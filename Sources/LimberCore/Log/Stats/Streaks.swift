/// A run of practice days with no unbridged gap.
package struct Streak: Sendable, Equatable, Codable {
    /// Practice days in the run (skips and rest days inside it keep it alive but do not add to it).
    package var days: Int
    /// The first practice day.
    package var start: LocalDay
    /// The last practice day.
    package var end: LocalDay

    package init(days: Int, start: LocalDay, end: LocalDay) {
        self.days = days
        self.start = start
        self.end = end
    }
}

/// The current and longest streaks.
///
/// A day with a mobility session is a practice day. A skipped day, a planned rest day and a
/// weekly rest weekday bridge a gap. Today does not break the current streak until it is over:
/// a streak that reached yesterday is still current.
package struct Streaks: Sendable, Equatable, Codable {
    /// The streak still alive today; nil if there is none.
    package var current: Streak?
    /// The longest streak ever (the most recent of equal ones); nil if nothing was logged.
    package var longest: Streak?

    package init(current: Streak?, longest: Streak?) {
        self.current = current
        self.longest = longest
    }

    /// Computes the streaks from the days with sessions (sorted, distinct), the marked days and the
    /// weekly rest weekdays (1 = Sunday … 7 = Saturday). Days after `today` are ignored.
    package init(practiceDays: [LocalDay], bridges: Set<LocalDay>, restWeekdays: Set<Int>, today: LocalDay) {
        func bridged(_ day: LocalDay) -> Bool {
            bridges.contains(day) || restWeekdays.contains(day.weekday)
        }
        /// Whether every day strictly between `from` and `to` is bridged.
        func bridgedBetween(_ from: LocalDay, _ to: LocalDay) -> Bool {
            var day = from.adding(days: 1)
            while day < to {
                if !bridged(day) { return false }
                day = day.adding(days: 1)
            }
            return true
        }

        var longest: Streak?
        var run: Streak?
        for day in practiceDays where day <= today {
            if var current = run, day > current.end {
                if bridgedBetween(current.end, day) {
                    current.days += 1
                    current.end = day
                    run = current
                    continue
                }
                if current.days >= (longest?.days ?? 0) { longest = current }
                run = Streak(days: 1, start: day, end: day)
            } else if run == nil {
                run = Streak(days: 1, start: day, end: day)
            }
        }
        if let run, run.days >= (longest?.days ?? 0) { longest = run }
        self.longest = longest
        // Still alive if every day after its last practice day, up to yesterday, is bridged.
        if let run, bridgedBetween(run.end, today) {
            self.current = run
        } else {
            self.current = nil
        }
    }
}
