import Foundation
import LimberCore
import LimberTestSupport
import PropertyBased
import Testing

@testable import LimberLua

/// Every function of the host API, driven from its `HostAPI` description with generated hostile
/// arguments: NaN, ±inf, huge numbers, `math.mininteger`/`maxinteger`, invalid UTF-8 and NUL
/// strings, cyclic and deep tables, tables whose metamethods raise, and tables shaped like the
/// documented parameter with a wrong value in any field.
///
/// The property: the call returns or raises a Lua error (the process never traps, which would
/// end this test run); the log is unchanged unless the call was a write that succeeded; and
/// whatever a write added exports and imports back.
@Suite("host API (property)")
struct HostAPIPropertyTests {
    /// Values no plugin should be able to break limber with, as Lua expressions.
    static let hostile: [String] = [
        "nil", "true", "false", "0", "-1", "1", "0.5", "-0.0", "0/0", "1/0", "-1/0", "1e300", "-1e300", "2^53", "2^62", "2^63",
        "-2^63", "math.mininteger", "math.maxinteger", "math.maxinteger + 0.0", "86400", "86401", "1715182200", "253402300800",
        "''", "'x'", "'\\0'", "'a\\0b'", "'\\255\\254\\253'", "'\\xC0\\x80'", "string.rep('x', 20000)", "'7d'", "'9999-12-31'",
        "'daily 18:00'", "'childs-pose'", "'short'", "'session_start'", "'nan'", "'inf'",
        "{}", "{1, 2, nil, 4}", "{[1.5] = 1}", "{[true] = 1}", "{[0/0 ~= 0/0 and 1 or 2] = 'x', [-1] = 2}",
        "(function() local t = {} t.t = t t[1] = t return t end)()",
        "(function() local t = {} for _ = 1, 300 do t = { t, x = t } end return t end)()",
        "setmetatable({}, { __index = function() error('boom') end, __pairs = function() error('boom') end, __len = function() error('boom') end })",
        "setmetatable({ 'childs-pose' }, { __index = function() error('index boom') end, __newindex = function() error('newindex boom') end })",
        "function() error('raised by a hook') end", "function() return 0/0 end", "function(...) return ... end", "print",
        "coroutine.create(function() end)", "io and io.stdout or 1", "limber", "limber.catalogue",
    ]

    let folder: TemporaryFolder
    let host: LimberHost
    let clock = VirtualClock(date: Date(timeIntervalSince1970: 1_715_182_200), timeZone: TimeZone(identifier: "UTC") ?? .current)

    init() throws {
        folder = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: folder.url))
        let clock = self.clock
        // Blocking functions (timer.sleep, timer.countdown, session.start) run on the virtual clock.
        host.clock = clock
        host.sessionLog.use(try SessionLog())
        host.sessionLog.now = { clock.date }
        host.sessionLog.timeZone = TimeZone(identifier: "UTC") ?? .current
        // Something already in the log to lose, and a short routine to start.
        try host.lua.run(
            """
            limber.routine{ id = 'short', name = 'Short', rest = 0, steps = { { exercise = 'childs-pose', hold = 1 } } }
            limber.log.record{ routine = 'evening', sets = { { exercise = 'cat-cow', reps = 10 }, { exercise = 'childs-pose', hold = 30, discomfort = 2 } }, notes = 'kept' }
            limber.log.record{ activity = 'run', minutes = 40, at = 1715100000 }
            """)
    }

    /// Functions whose successful call may add to the log.
    static let writers: Set<String> = ["log.record", "session.start"]

    @Test(arguments: HostAPI.functions.map(\.path))
    func anyArgumentsReturnOrRaiseAndLeaveTheLogWhole(path: String) async throws {
        let function = try #require(HostAPI.function(path))
        // Each argument: a choice of shape, then choices for its fields.
        let arguments = Gen.int(in: 0...9_999).array(of: 1...12).array(of: 0...4)
        // 30 calls per function keep the suite to seconds; every run draws new ones.
        await propertyCheck(count: 30, input: arguments) { choices in
            let expressions = choices.enumerated().map { index, picks in
                Self.argument(picks, parameter: index < function.parameters.count ? function.parameters[index] : nil)
            }
            let before = try host.sessionLog.log().export(format: .csv)
            let source = """
                local args = table.pack(\(expressions.joined(separator: ", ")))
                local ok, err = pcall(limber.\(path), table.unpack(args, 1, args.n))
                return ok, type(err) == 'string' and err or nil
                """
            let results: [LuaValue]
            do throws(LuaError) {
                results = try host.lua.run(source, chunkName: "@property.lua", cpuLimit: 5)
            } catch {
                // Not the function's error (pcall caught those): the budget or memory cap stopped the chunk.
                Issue.record("the chunk itself failed: \(error.message)\n\(source)")
                return
            }
            let succeeded = results.first == .boolean(true)
            if !succeeded, let message = results.dropFirst().first?.stringValue {
                #expect(!message.isEmpty, "an error says what went wrong")
            }
            let after = try host.sessionLog.log().export(format: .csv)
            if succeeded && Self.writers.contains(path) {
                let kept = Set(after.split(separator: "\n"))
                let lost = before.split(separator: "\n").filter { !kept.contains($0) }
                #expect(lost.isEmpty, "a write changed what was already logged: \(lost)")
                try Self.expectRestorable(after)
            } else {
                #expect(after == before, "limber.\(path) changed the log without a successful write\n\(source)")
            }
        }
    }

    /// The log after a write still imports from its own export, in both formats.
    static func expectRestorable(_ csv: String) throws {
        let copy = try SessionLog()
        do {
            try copy.importLog(csv, format: .csv)
            let json = try copy.export(format: .json)
            let again = try SessionLog()
            try again.importLog(json, format: .json)
            #expect(try again.export(format: .csv) == csv)
        } catch {
            Issue.record("an accepted write cannot be restored from its export: \(error)")
        }
    }

    /// One argument as a Lua expression: a hostile value, or a table shaped like the parameter's
    /// documented class with some fields right and some wrong.
    static func argument(_ picks: [Int], parameter: APIField?) -> String {
        let first = picks.first ?? 0
        if let parameter, first % 3 == 0, let shape = HostAPI.classes.first(where: { $0.name == className(parameter.type) }) {
            var fields: [String] = []
            for (index, field) in shape.fields.enumerated() {
                guard index + 1 < picks.count else { break }
                let pick = picks[index + 1]
                if pick % 4 == 0 { continue }
                let value = pick % 2 == 0 ? plausible(field) : hostile[pick / 2 % hostile.count]
                fields.append("[\(luaString(field.name))] = \(value)")
            }
            return "{ " + fields.joined(separator: ", ") + " }"
        }
        if let parameter, first % 3 == 1 { return plausible(parameter) }
        return hostile[first / 3 % hostile.count]
    }

    /// `limber.LogEntry` from `limber.LogEntry?`; nil for plain types.
    static func className(_ type: String) -> String {
        var name = type
        while name.hasSuffix("?") || name.hasSuffix("[]") { name = String(name.dropLast(name.hasSuffix("?") ? 1 : 2)) }
        return name
    }

    /// A value of the field's documented type that a plugin could well pass.
    static func plausible(_ field: APIField) -> String {
        let type = field.type
        if type.hasPrefix("'"), let end = type.dropFirst().firstIndex(of: "'") {
            return String(type[type.startIndex...end])
        }
        if type.hasPrefix("fun") || type.hasPrefix("(fun") { return "function() return 'x' end" }
        if type.hasSuffix("[]") || type.hasSuffix("[]?") { return "{}" }
        switch field.name {
        case "exercise", "exercise_id": return "'childs-pose'"
        case "routine", "routine_id": return "'short'"
        case "id": return "'property-made'"
        case "since": return "'7d'"
        case "schedule": return "'daily 18:00'"
        case "event": return "'session_start'"
        case "at", "ended_at": return "1715182200"
        case "discomfort": return "3"
        case "seconds": return "2"
        case "get_ready", "switch": return "0"
        default: break
        }
        if type.hasPrefix("string") { return "'x'" }
        if type.hasPrefix("integer") || type.hasPrefix("number") { return "5" }
        if type.hasPrefix("boolean") { return "true" }
        return "{}"
    }

    static func luaString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
