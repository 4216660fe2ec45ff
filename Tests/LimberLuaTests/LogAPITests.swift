import Foundation
import LimberCore
import Testing

@testable import LimberLua

@Suite("limber.log")
struct LogAPITests {
    let host: LimberHost
    let log: SessionLog
    /// 2024-05-08 15:30 UTC, a Wednesday.
    static let now = Date(timeIntervalSince1970: 1_715_182_200)

    init() throws {
        host = try LimberHost(paths: LimberPaths(home: URL(fileURLWithPath: "/nonexistent/limber-test")))
        log = try SessionLog()
        host.sessionLog.use(log)
        host.sessionLog.now = { Self.now }
        host.sessionLog.timeZone = TimeZone(identifier: "UTC")!
    }

    @discardableResult
    private func run(_ code: String) throws(LuaError) -> [LuaValue] {
        try host.lua.run(code, chunkName: "@t.lua")
    }

    @Test func recordWritesSetsIntoOneOpenSessionPerRoutine() throws {
        let result = try run(
            """
            local a = limber.log.record{ routine = 'evening', exercise = 'figure-four-stretch', side = 'left', hold = 45, planned = 45 }
            local b = limber.log.record{ routine = 'evening', exercise = 'figure 4 stretch', side = 'right', hold = 40, completed = false, discomfort = 3 }
            local c = limber.log.record{ exercise = 'cat-cow', reps = 10 }
            return a.session == b.session, a.session ~= c.session, b.exercise, b.discomfort, c.unit
            """)
        #expect(result == [true, true, "figure-four-stretch", 3, "reps"])
        let sessions = try log.sessions()
        #expect(sessions.map(\.routine) == ["evening", "cat-cow"])
        #expect(sessions.allSatisfy { $0.source == .script && $0.outcome == .endedEarly }, "open until the script ends")
        try host.sessionLog.finishRecordings(completed: true)
        #expect(try log.sessions().map(\.outcome) == [.completed, .completed])
        let sets = try log.sets(session: sessions[0].id)
        #expect(sets.map(\.actual) == [45, 40])
        #expect(sets.map(\.planned) == [45, nil])
        #expect(sets.map(\.completed) == [true, false])
    }

    @Test func recordWritesAWholeSessionOrARun() throws {
        let result = try run(
            """
            local s = limber.log.record{ routine = 'cooldown', at = 1715100000, notes = 'after tempo', sets = {
              { exercise = 'childs-pose', hold = 60 },
              { exercise = 'cat-cow', reps = 10, discomfort = 2 },
            } }
            local r = limber.log.record{ activity = 'run', minutes = 40, notes = 'easy 8k' }
            return s.outcome, #s.sets, s.sets[2].discomfort, s.ended_at - s.started_at, r.routine, r.ended_at - r.started_at
            """)
        #expect(result == ["completed", 2, 2, 60, "run", 2400])
        #expect(try log.lastSession(activity: .run)?.notes == "easy 8k")
    }

    @Test func badEntriesNameTheField() throws {
        let cases: [(String, String)] = [
            ("limber.log.record{ exercise = 'pigeonn', hold = 30 }", "unknown exercise 'pigeonn'"),
            ("limber.log.record{ exercise = 'cat-cow', reps = 10, discomfort = 12 }", "discomfort: must be between 0 and 10"),
            ("limber.log.record{ exercise = 'cat-cow', reps = 10, hold = 5 }", "give one of"),
            ("limber.log.record{ exercise = 'figure-four-stretch', hold = 30 }", "side"),
            ("limber.log.record{ routine = 'x', sets = { { exercise = 'cat-cow', rep = 3 } } }", "rep"),
            ("limber.log.record{ routine = 'x', sets = { { hold = 3 } } }", "sets[1].exercise"),
            ("limber.log.record{ routine = 'x' }", "give an exercise"),
            ("limber.log.sessions{ since = 'lately' }", "'lately'"),
        ]
        for (code, words) in cases {
            do {
                try run(code)
                Issue.record("accepted: \(code)")
            } catch {
                #expect(error.message.hasPrefix("t.lua:1: limber.log."), "\(error.message)")
                #expect(error.message.contains(words), "\(error.message)")
            }
        }
        #expect(try log.sessions().isEmpty)
    }

    @Test func sessionsSetsLastAndStreakReadTheLog() throws {
        let utc = TimeZone(identifier: "UTC")!
        for daysAgo in [9, 2, 1, 0] {
            let start = Self.now.addingTimeInterval(TimeInterval(-86_400 * daysAgo) - 3600)
            try log.log(
                NewSession(
                    routine: daysAgo == 0 ? "hips" : "cooldown", source: .manual, startedAt: start,
                    sets: [NewSet(exercise: "cat-cow", unit: .reps, actual: Double(10 + daysAgo), at: start)]),
                timeZone: utc)
        }
        try log.mark(DayMark(day: LocalDay(iso: "2024-05-05")!, kind: .skip))
        let result = try run(
            """
            local recent = limber.log.sessions{ since = '2d' }
            local cooldowns = limber.log.sessions{ routine = 'cooldown', limit = 1 }
            local sets = limber.log.sets{ exercise = 'cat-cow', since = '1d' }
            local last = limber.log.last('cooldown')
            local none = limber.log.last('nothing')
            local streak = limber.log.streak()
            return #recent, cooldowns[1].day, #sets, last.day, last.sets[1].actual, none,
                   streak.current, streak.current_start, streak.longest
            """)
        #expect(result == [3, "2024-05-07", 2, "2024-05-07", 11, .nil, 3, "2024-05-06", 3])
    }

    @Test func theLogNamespaceIsDocumented() {
        for name in ["sessions", "sets", "record", "streak", "last"] {
            let function = HostAPI.function("log.\(name)")
            #expect(function != nil)
            #expect(function?.example != nil)
        }
        #expect(HostAPI.namespaces.contains { $0.name == "log" })
    }
}
