import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Exercises, routines, progressions and reminders follow one set of rules: a taken id is an
/// error naming both files unless `override = true`, and a plugin that fails leaves nothing.
@Suite("one registry for every definition")
struct DefinitionRegistryTests {
    static let definitions: [(kind: String, first: String, second: String)] = [
        (
            "exercise",
            "limber.catalogue.add{ id = 'wall-calf', name = 'Wall calf', kind = 'static', position = 'standing', laterality = 'per_side', phase = 'post_run', dose = { unit = 'seconds', min = 20, max = 60, default = 30 }, regions = { 'calves' } }",
            "limber.catalogue.add{ id = 'wall-calf', name = 'Wall calf 2', kind = 'static', position = 'standing', laterality = 'per_side', phase = 'post_run', dose = { unit = 'seconds', min = 20, max = 60, default = 30 }, regions = { 'calves' }%@ }"
        ),
        (
            "routine",
            "limber.routine{ id = 'desk', name = 'Desk', steps = { { exercise = 'cat-cow', reps = 5 } } }",
            "limber.routine{ id = 'desk', name = 'Desk 2', steps = { { exercise = 'cat-cow', reps = 6 } }%@ }"
        ),
        (
            "progression",
            "limber.routine{ id = 'base', name = 'Base', steps = { { exercise = 'cat-cow', reps = 5 } } }\nlimber.progression{ id = 'grow', routine = 'base', describe = 'one', adjust = function(p) return p end }",
            "limber.progression{ id = 'grow', routine = 'base', describe = 'two', adjust = function(p) return p end%@ }"
        ),
        (
            "reminder",
            "limber.reminder{ id = 'nudge', schedule = 'daily 18:00', message = 'one' }",
            "limber.reminder{ id = 'nudge', schedule = 'daily 18:00', message = 'two'%@ }"
        ),
    ]

    func host(_ plugins: [String: String]) throws -> (LimberHost, [PluginReport]) {
        let folder = try TemporaryFolder()
        for (name, source) in plugins { try folder.write("plugins/\(name)", source) }
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        host.pluginCPULimit = 0.2
        return (host, PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")]))
    }

    /// The name the later definition carries after each kind's registry, for the checks.
    func name(_ kind: String, in host: LimberHost) -> String? {
        switch kind {
        case "exercise": host.catalogue.get("wall-calf")?.name
        case "routine": host.sessions.routines.get("desk")?.name
        case "progression": host.progressions.all.first { $0.id == "grow" }?.describe
        default:
            host.reminders.entry("nudge").flatMap { entry in
                if case .text(let text) = entry.message { return text } else { return nil }
            }
        }
    }

    @Test(arguments: definitions.map(\.kind))
    func aTakenIdNamesBothFilesAndOverrideReplaces(kind: String) throws {
        let definition = try #require(Self.definitions.first { $0.kind == kind })
        let (plain, reports) = try host([
            "a.lua": definition.first, "b.lua": definition.second.replacingOccurrences(of: "%@", with: ""),
        ])
        let message = try #require(failure(reports[1]), "\(kind)")
        #expect(
            message.contains("b.lua:") && message.contains("\(kind) '") && message.contains("is already defined by")
                && message.contains("a.lua; set override = true"), "\(kind): \(message)")
        #expect(
            name(kind, in: plain) == ["Wall calf", "Desk", "one", "one"][Self.definitions.firstIndex { $0.kind == kind } ?? 0])

        let (replaced, again) = try host([
            "a.lua": definition.first, "b.lua": definition.second.replacingOccurrences(of: "%@", with: ", override = true"),
        ])
        #expect(again.allSatisfy { $0.status == .loaded }, "\(kind): \(again)")
        #expect(
            name(kind, in: replaced)
                == ["Wall calf 2", "Desk 2", "two", "two"][Self.definitions.firstIndex { $0.kind == kind } ?? 0])
    }

    @Test(arguments: ["error('halfway')", "while true do pcall(function() while true do end end) end"])
    func aPluginThatFailsLeavesNothingBehind(ending: String) throws {
        let everything = Self.definitions.map(\.first).joined(separator: "\n")
        let (host, reports) = try host([
            "a.lua": """
            for i = 1, 300 do
              limber.catalogue.add{ id = 'many-' .. i, name = 'Many ' .. i, kind = 'static', position = 'standing', laterality = 'bilateral', phase = 'anytime', dose = { unit = 'seconds', min = 10, max = 60, default = 30 }, regions = { 'calves' } }
            end
            \(everything)
            limber.on('step_start', function() end)
            \(ending)
            """
        ])
        #expect(failure(reports[0]) != nil)
        #expect(reports[0].defines.isEmpty)
        #expect(host.catalogue.get("many-1") == nil && host.catalogue.get("wall-calf") == nil)
        #expect(host.sessions.routines.get("desk") == nil && host.sessions.routines.get("base") == nil)
        #expect(host.progressions.all.isEmpty && host.reminders.entries.isEmpty && host.sessions.hooks.isEmpty)
        #expect(host.definitions.isEmpty)
    }

    @Test func dueAndAdjustReadButDoNotAct() throws {
        let (host, reports) = try host([
            "a.lua": """
            limber.routine{ id = 'base', name = 'Base', steps = { { exercise = 'cat-cow', reps = 5 } } }
            limber.reminder{ id = 'sleepy', schedule = 'every 30 minutes', message = 'x', due = function() limber.timer.sleep(86400) end }
            limber.reminder{ id = 'noisy', schedule = 'every 30 minutes', message = 'x', due = function() limber.notify('hi') end }
            limber.reminder{ id = 'reader', schedule = 'every 30 minutes', message = 'read', due = function() return #limber.log.sessions{} == 0 end }
            limber.progression{ id = 'writer', routine = 'base', describe = 'w', adjust = function(p)
              limber.log.record{ routine = 'base', exercise = 'cat-cow', reps = 3 }
            end }
            """
        ])
        #expect(reports[0].status == .loaded, "\(reports)")
        let outcomes = Dictionary(
            uniqueKeysWithValues: host.evaluateReminders(at: Date(), in: .gmt, state: ReminderState()).map { ($0.id, $0.status) })
        guard case .failed(let sleepy)? = outcomes["sleepy"], case .failed(let noisy)? = outcomes["noisy"] else {
            Issue.record("\(outcomes)"); return
        }
        #expect(sleepy.contains("a.lua:2: limber.timer.sleep cannot run in a reminder's due"), "\(sleepy)")
        #expect(noisy.contains("a.lua:3: limber.notify cannot run in a reminder's due"), "\(noisy)")
        #expect(outcomes["reader"] == .due("read"))
        let routine = try #require(host.sessions.routines.get("base"))
        let result = host.progressed(routine, now: Date())
        #expect(
            result.problems.first?.contains(
                "limber.log.record cannot run in a reminder's due or message or a progression's adjust") == true,
            "\(result.problems)")
        #expect(try host.sessionLog.log().sessions(SessionQuery()).isEmpty)
    }
}
