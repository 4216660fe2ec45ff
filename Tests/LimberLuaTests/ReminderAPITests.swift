import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// An instant from ISO 8601 text with its offset.
private func at(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text))
}

private let newYork = TimeZone(identifier: "America/New_York") ?? .gmt

@Suite("limber.reminder and limber.notify")
struct ReminderAPITests {
    let folder: TemporaryFolder
    let host: LimberHost

    init() throws {
        folder = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: folder.url))
    }

    /// Loads plugin files (name → source) and fails the test if any fails to load.
    func load(_ plugins: [String: String]) throws {
        for (name, source) in plugins { try folder.write("plugins/\(name)", source) }
        for report in PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")]) {
            if case .failed(let message) = report.status { Issue.record("plugin failed: \(message)") }
        }
    }

    @Test func aReminderIsDueOncePerPeriodAndItsContextSaysWhen() throws {
        try load([
            "evening.lua": """
            limber.reminder{
              id = 'evening', schedule = 'daily 18:00',
              due = function(ctx) return true end,
              message = function(ctx)
                return 'stretch (' .. ctx.id .. ', ' .. ctx.schedule .. ', last ' .. tostring(ctx.last_fired) .. ')'
              end,
            }
            limber.reminder{ id = 'plain', schedule = 'weekdays 07:30', message = 'good morning' }
            """
        ])
        let now = try at("2025-06-04T18:10:00-04:00")
        var state = ReminderState()
        let first = host.evaluateReminders(at: now, in: newYork, state: state)
        #expect(first.map(\.id) == ["evening", "plain"])
        #expect(first[0].status == .due("stretch (evening, daily 18:00, last nil)"))
        #expect(first[1].status == .due("good morning"))
        let period = try #require(first[0].period)
        #expect(period.occurrence == (try at("2025-06-04T18:00:00-04:00")))
        state.record("evening", occurrence: period.occurrence, firedAt: now)

        let later = host.evaluateReminders(at: try at("2025-06-04T22:00:00-04:00"), in: newYork, state: state)
        #expect(later[0].status == .alreadyFired)
        let nextDay = host.evaluateReminders(at: try at("2025-06-05T18:00:00-04:00"), in: newYork, state: state)
        #expect(nextDay[0].status == .due("stretch (evening, daily 18:00, last \(Int64(now.timeIntervalSince1970)))"))
    }

    @Test func dueDecidesAndSeesTheDay() throws {
        try load([
            "gate.lua": """
            limber.reminder{
              id = 'gate', schedule = 'daily 18:00', message = 'go',
              due = function(ctx)
                assert(ctx.today == ctx.occurrence - 18 * 3600, 'today is local midnight')
                assert(ctx.next == ctx.occurrence + 24 * 3600, 'next is tomorrow')
                return ctx.now - ctx.occurrence >= 3600
              end,
            }
            """
        ])
        let early = host.evaluateReminders(at: try at("2025-06-04T18:30:00-04:00"), in: newYork, state: ReminderState())
        #expect(early[0].status == .notDue)
        let late = host.evaluateReminders(at: try at("2025-06-04T19:30:00-04:00"), in: newYork, state: ReminderState())
        #expect(late[0].status == .due("go"))
    }

    @Test func aRaisingDueIsReportedWithFileAndLineAndTheOthersStillRun() throws {
        try load([
            "a.lua": """
            limber.reminder{ id = 'broken', schedule = 'hourly', message = 'never',
              due = function(ctx)
                error('the log is on fire')
              end }
            limber.reminder{ id = 'wrong-type', schedule = 'hourly', message = function() return 42 end }
            limber.reminder{ id = 'fine', schedule = 'hourly', message = 'still here' }
            """
        ])
        let outcomes = host.evaluateReminders(at: try at("2025-06-04T18:30:00-04:00"), in: newYork, state: ReminderState())
        guard case .failed(let message) = outcomes[0].status else {
            Issue.record("the raising reminder fails")
            return
        }
        #expect(message.hasSuffix("a.lua:3: the log is on fire"))
        #expect(!message.contains("\n"), "one line")
        guard case .failed(let typeMessage) = outcomes[1].status else {
            Issue.record("a message that is not a string fails")
            return
        }
        #expect(typeMessage.hasSuffix("a.lua: reminder 'wrong-type': message must return a string, not number"))
        #expect(outcomes[2].status == .due("still here"))
    }

    @Test(arguments: [
        (
            "limber.reminder{ id = 'x', schedule = 'daily 25:00', message = 'm' }",
            "limber.reminder: field 'schedule': bad schedule 'daily 25:00': '25:00' is not a time of day (HH:MM, 00:00 to 23:59)"
        ),
        (
            "limber.reminder{ id = 'x', schedule = 'daily 18:00' }",
            "limber.reminder: field 'message': expected a string or a function, got nil"
        ),
        (
            "limber.reminder{ id = 'X Y', schedule = 'daily 18:00', message = 'm' }",
            "limber.reminder: field 'id': 'X Y' must be lower-case letters, digits, '-' and '_'"
        ),
        (
            "limber.reminder{ id = 'x', schedule = 'daily 18:00', message = 'm', due = true }",
            "limber.reminder: field 'due': expected a function, got boolean"
        ),
        (
            "limber.reminder{ id = 'x', schedule = 'daily 18:00', message = 'm', when = 1 }",
            "limber.reminder: unknown field 'when' (a reminder has id, schedule, message, due, window, routine)"
        ),
        (
            "limber.reminder{ id = 'x', schedule = 'daily 18:00', message = 'm' }\nlimber.reminder{ id = 'x', schedule = 'hourly', message = 'm' }",
            "limber.reminder: reminder 'x' is already defined by"
        ),
    ])
    func aBadDefinitionNamesTheField(source: String, message: String) throws {
        let chunk = try host.lua.load(Array(source.utf8), chunkName: "@def.lua")
        #expect {
            try host.lua.call(chunk)
        } throws: { error in
            (error as? LuaError)?.message.hasPrefix("def.lua:") == true && (error as? LuaError)?.message.contains(message) == true
        }
    }

    @Test func notifyGoesWhereTheHostSendsIt() throws {
        final class Box { var messages: [String] = [] }
        let box = Box()
        host.reminders.notify = { box.messages.append($0) }
        try host.lua.run("limber.notify('weekly summary ready')", chunkName: "=t")
        #expect(box.messages == ["weekly summary ready"])
        host.reminders.notify = { _ in throw ReminderError.backendUnavailable("no session bus") }
        #expect {
            try host.lua.run("limber.notify('x')", chunkName: "@n.lua")
        } throws: { error in
            (error as? LuaError)?.message == "n.lua:1: limber.notify: no session bus"
        }
    }

    @Test func theDefinitionIsRecordedAndReturned() throws {
        let result = try host.lua.run(
            "local r = limber.reminder{ id = 'r1', schedule = 'Mon, Fri 7:05', message = 'm' }\nreturn r.id, r.schedule",
            chunkName: "=t")
        #expect(result == [.string("r1"), .string("mon,fri 07:05")])
        #expect(host.definitions == ["reminder:r1"])
        #expect(HostAPI.function("reminder") != nil && HostAPI.function("notify") != nil)
    }
}
