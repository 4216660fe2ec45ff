import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The shipped `plugins/hold-progression.lua` against histories in an in-memory log.
@Suite("the shipped hold progression")
struct HoldProgressionTests {
    static let pluginFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("plugins")
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    let host: LimberHost
    let log: SessionLog
    let routine = Routine(
        id: "runner-cooldown", name: "Runner's cool-down",
        steps: [.init(exercise: "childs-pose"), .init(exercise: "cat-cow"), .init(exercise: "figure-four-stretch")])

    init() throws {
        let home = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: home.url))
        log = try SessionLog()
        host.sessionLog.use(log)
        host.sessionLog.timeZone = TimeZone(identifier: "UTC") ?? .current
        let plugin = PluginFile(
            name: "hold-progression", entry: Self.pluginFolder.appendingPathComponent("hold-progression.lua"),
            moduleFolder: nil)
        let report = PluginLoader(host: host).load(plugin)
        #expect(report.status == .loaded, "\(report)")
        #expect(report.defines == ["progression:hold-progression"])
    }

    /// Logs a cool-down `days` after the start; `discomfort` on its first set.
    func session(day: Double, completed: Bool = true, hold: Double = 30, discomfort: Int? = nil) throws {
        let at = Self.start.addingTimeInterval(day * Self.day)
        _ = try log.log(
            NewSession(
                routine: "runner-cooldown", source: .guided, startedAt: at, completed: completed,
                sets: [NewSet(exercise: "childs-pose", planned: hold, actual: hold, discomfort: discomfort, at: at)]),
            timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    func holds(onDay day: Double) -> (holds: [Int?], plan: ProgressedRoutine) {
        let plan = host.progressed(routine, now: Self.start.addingTimeInterval(day * Self.day))
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        return (plan.routine.steps.map(\.hold), plan)
    }

    @Test func holdsStartAt30WithNoHistory() {
        let (holds, plan) = holds(onDay: 0)
        #expect(holds == [30, nil, 30], "cat-cow is counted in breaths and keeps no hold")
        #expect(plan.changes.map(\.summary) == ["childs-pose hold 45 → 30 s"])
        #expect(plan.progressions.map(\.id) == ["hold-progression"])
    }

    @Test func growFiveSecondsPerQualifyingWeekUpTo60() throws {
        for week in 0..<8 {
            for offset in [0.0, 2, 4] { try session(day: Double(week) * 7 + offset) }
        }
        #expect(holds(onDay: 6).holds[0] == 30, "the first week (seven local days) has not ended")
        #expect(holds(onDay: 7).holds[0] == 35)
        #expect(holds(onDay: 14).holds[0] == 40)
        let (capped, plan) = holds(onDay: 60)
        #expect(capped == [60, nil, 60], "capped at 60 s after six or more weeks")
        #expect(plan.changes.first?.reason == "8 weeks with 3+ completed sessions")
    }

    @Test func aWeekWithTooFewCompletedSessionsEarnsNothing() throws {
        try session(day: 0)
        try session(day: 2)
        try session(day: 4, completed: false)
        #expect(holds(onDay: 8).holds[0] == 30)
    }

    @Test func theMinimumIsASetting() throws {
        host.config = ConfigFile(settings: ["hold-progression": ["min_sessions": 2]])
        let fresh = try LimberHost(paths: host.paths)
        fresh.config = host.config
        fresh.sessionLog.use(log)
        _ = PluginLoader(host: fresh).load(
            PluginFile(
                name: "hold-progression", entry: Self.pluginFolder.appendingPathComponent("hold-progression.lua"),
                moduleFolder: nil))
        try session(day: 0)
        try session(day: 2)
        #expect(fresh.progressed(routine, now: Self.start.addingTimeInterval(8 * Self.day)).routine.steps[0].hold == 35)
    }

    @Test func neverGrowsAfterASessionWithHighDiscomfort() throws {
        for week in 0..<2 {
            for offset in [0.0, 2, 4] { try session(day: Double(week) * 7 + offset, hold: week == 0 ? 30 : 35) }
        }
        #expect(holds(onDay: 14.5).holds[0] == 40, "two good weeks")
        // Day 15: a session at 40 s rated 8/10. Three more the same week, all completed.
        try session(day: 15, hold: 40, discomfort: 8)
        #expect(holds(onDay: 15.5).holds[0] == 40, "no growth after it")
        for offset in [16.0, 17, 18] { try session(day: offset, hold: 40) }
        #expect(holds(onDay: 21.5).holds[0] == 40, "the week with the painful session earns nothing")
        #expect(holds(onDay: 28.5).holds[0] == 40, "nor does a week with no sessions")
    }

    @Test func theHostRefusesGrowthEvenIfAPluginAsksForIt() throws {
        let folder = try TemporaryFolder()
        let greedy = try folder.write(
            "greedy.lua",
            """
            limber.progression{ id = 'greedy', routine = 'runner-cooldown', describe = 'always more',
              adjust = function(plan) for _, s in ipairs(plan.steps) do if s.hold then s.hold = s.hold + 20 end end return plan, 'more' end }
            """)
        _ = PluginLoader(host: host).load(PluginFile(name: "greedy", entry: greedy, moduleFolder: nil))
        try session(day: 0, hold: 30, discomfort: 9)
        let plan = host.progressed(routine, now: Self.start.addingTimeInterval(1 * Self.day))
        #expect(plan.routine.steps[0].hold == 30, "no more than the 30 s that hurt")
        let refused = plan.changes.filter { $0.refused }
        #expect(refused.map(\.progression) == ["greedy", "greedy"])
        #expect(refused.first?.reason?.hasPrefix("after a session rated 9/10 discomfort: childs-pose 50 s in all asked") == true)
    }

    @Test func aBrokenProgressionIsSkippedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let broken = try folder.write(
            "broken.lua",
            """
            limber.progression{ id = 'broken', routine = 'runner-cooldown', describe = 'breaks',
              adjust = function(plan) local x = nil; return x.y end }
            """)
        _ = PluginLoader(host: host).load(PluginFile(name: "broken", entry: broken, moduleFolder: nil))
        let plan = host.progressed(routine, now: Self.start)
        #expect(plan.problems.count == 1)
        #expect(plan.problems.first?.contains("broken.lua:2: attempt to index a nil value") == true, "\(plan.problems)")
        #expect(plan.routine.steps[0].hold == 30, "the good progression still applied")
    }
}

@Suite("limber.progression")
struct ProgressionAPITests {
    @Test func definitionsAreCheckedAndNamed() throws {
        let host = try LimberHost(paths: LimberPaths(home: try TemporaryFolder().url))
        let cases: [(String, String)] = [
            (
                "limber.progression{ id = 'p', routine = 'r', describe = 'd' }",
                "field 'adjust': expected a function(plan, history, ctx), got nil"
            ),
            ("limber.progression{ id = 'P Q', routine = 'r', describe = 'd', adjust = print }", "field 'id': expected a slug"),
            ("limber.progression{ id = 'p', describe = 'd', adjust = print }", "routine"),
            (
                "limber.progression{ id = 'p', routine = 'r', describe = 'd', adjust = print, adjsut = 1 }",
                "unknown field 'adjsut'"
            ),
        ]
        for (code, message) in cases {
            do {
                try host.lua.run(code, chunkName: "@p.lua")
                Issue.record("\(code) must fail")
            } catch {
                #expect(error.message.hasPrefix("p.lua:1: limber.progression: "), "\(error.message)")
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
        try host.lua.run("limber.progression{ id = 'p', routine = 'r', describe = 'd', adjust = print }", chunkName: "@a.lua")
        host.currentSource = "plugins/a.lua"
        do {
            try host.lua.run("limber.progression{ id = 'p', routine = 'r', describe = 'd', adjust = print }", chunkName: "@b.lua")
            Issue.record("a duplicate must fail")
        } catch {
            #expect(error.message.contains("progression 'p' is already defined by a script; set override = true to replace it"))
        }
        try host.lua.run(
            "limber.progression{ id = 'p', routine = 'r2', describe = 'd', adjust = print, override = true }", chunkName: "@c.lua"
        )
        #expect(host.progressions.progressions(for: "r2").map(\.id) == ["p"])
    }
}
