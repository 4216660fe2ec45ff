import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The table shapes the API documents (`HostAPI.classes`, from which `help()` and
/// `meta/limber.lua` are made) against the tables the host really makes: a field that is
/// emitted but not documented, or documented but never emitted, fails here.
@Suite("documented table shapes", .serialized)
struct TableShapeTests {
    let folder: TemporaryFolder
    let host: LimberHost
    let presenter = EventCollector()

    init() throws {
        folder = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: folder.url))
        let clock = VirtualClock()
        host.clock = clock
        host.sessionLog.now = { clock.date }
        host.sessions.presenter = presenter
    }

    /// Every key of every table `source` returns in a list (`{ t1, t2, ... }`).
    func emittedKeys(_ source: String) throws -> Set<String> {
        let result = try host.lua.run(source)
        guard case .table(let list) = result.first ?? .nil else { return [] }
        var keys: Set<String> = []
        for (_, item) in list.sortedEntries {
            guard case .table(let table) = item else { continue }
            for (key, _) in table.sortedEntries { keys.insert(key.description) }
        }
        return keys
    }

    static func documented(_ name: String) throws -> Set<String> {
        let shape = try #require(HostAPI.classes.first { $0.name == name }, "\(name) is not documented")
        return Set(shape.fields.map(\.name))
    }

    func expectSameFields(_ name: String, emitted: Set<String>) throws {
        let documented = try Self.documented(name)
        #expect(
            emitted.subtracting(documented).isEmpty,
            "\(name): emitted but not documented: \(emitted.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(emitted).isEmpty,
            "\(name): documented but never emitted: \(documented.subtracting(emitted).sorted())")
    }

    static let routine = """
        limber.routine{ id = 'shape', name = 'Shape', rest = 2,
          steps = { { exercise = 'childs-pose', hold = 3 }, { exercise = 'figure-four-stretch', hold = 2 },
                    { exercise = 'cat-cow', reps = 4 } } }
        """

    @Test func sessionEventsCarryWhatIsDocumented() throws {
        presenter.pauseOnce = true
        try host.lua.run(Self.routine + "\nlimber.session.start('shape', { log = false })")
        let names = Set(presenter.events.map(\.name))
        #expect(names == Set(SessionEvent.names), "every kind of event was emitted: \(names.sorted())")
        var emitted: Set<String> = []
        for event in presenter.events {
            guard case .table(let table) = LimberHost.table(for: event, routine: "shape") else { continue }
            for (key, _) in table.sortedEntries { emitted.insert(key.description) }
        }
        try expectSameFields("limber.SessionEvent", emitted: emitted)
    }

    @Test func sessionsSetsAndStreaksCarryWhatIsDocumented() throws {
        try host.lua.run(
            Self.routine + """

                limber.session.start('shape', { log = true })
                limber.log.record{ routine = 'evening', notes = 'ok', sets = { { exercise = 'cat-cow', reps = 10, discomfort = 2 } } }
                """)
        // A run imported from a watch's file carries the run's own fields.
        let run = Repository.url("Tests/Fixtures/runs/run.fit").path
        _ = try RunImporter(log: host.sessionLog.log(), timeZone: TimeZone(identifier: "UTC") ?? .current)
            .importFiles(at: [run], missingIsFailure: true)
        try expectSameFields(
            "limber.Session",
            emitted: emittedKeys(
                "local all = limber.log.sessions{} local last = limber.log.last('shape') all[#all + 1] = last return all"))
        try expectSameFields("limber.LoggedSet", emitted: emittedKeys("return limber.log.sets{}"))
        try expectSameFields("limber.Streak", emitted: emittedKeys("return { limber.log.streak() }"))
    }

    /// `log.seed` in `limber test` gives back a run as the log does: the documented session shape.
    @Test func aRunSeededInATestCarriesWhatIsDocumented() throws {
        let session = try TestSession(
            paths: LimberPaths(home: folder.url), memoryLimit: 64 << 20, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let result = try session.host.lua.run(
            """
            return log.seed{ { activity = 'run', at = '2026-03-09 07:00', minutes = 62, notes = 'hilly',
              distance_m = 16000, sport = 'trail_running', file = '/watch/run.fit' } }
            """)
        guard case .table(let list) = result.first ?? .nil, case .table(let run) = list[LuaKey.integer(1)] else {
            Issue.record("log.seed gave back \(result)")
            return
        }
        try expectSameFields("limber.Session", emitted: Set(run.sortedEntries.map { $0.key.description }))
    }

    @Test func exercisesRoutinesAndResultsCarryWhatIsDocumented() throws {
        try expectSameFields("limber.Exercise", emitted: emittedKeys("return limber.catalogue.all()"))
        try expectSameFields(
            "limber.Dose",
            emitted: emittedKeys(
                "local doses = {} for _, e in ipairs(limber.catalogue.all()) do doses[#doses + 1] = e.dose end return doses"))
        try expectSameFields(
            "limber.RoutineInfo",
            emitted: emittedKeys(
                "return { \(Self.routine.replacingOccurrences(of: "rest = 2,", with: "rest = 2, summary = 'A check.',")) }"))
        try expectSameFields(
            "limber.SessionResult", emitted: emittedKeys("return { limber.session.start('shape', { log = true }) }"))
    }
}

/// Collects a session's events; pauses and resumes it once, so those events come too.
final class EventCollector: SessionPresenter {
    var events: [SessionEvent] = []
    var pauseOnce = false
    private var controls: SessionControls?

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) { self.controls = controls }
    func present(_ event: SessionEvent) {
        events.append(event)
        if pauseOnce, event.name == "tick" {
            pauseOnce = false
            controls?.send(.pause)
        } else if event.name == "paused" {
            controls?.send(.resume)
        }
    }
    func hookFailed(_ message: String) {}
    func sessionDidEnd() {}
}
