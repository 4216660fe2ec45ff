import Foundation
import LimberTestSupport
import Testing

/// A hostile plugin's text in every human renderer: shown with its control characters made
/// visible, never acted on; `--json` keeps the exact string.
@Suite("hostile text reaches no terminal raw", .serialized)
struct HostileTextTests {
    /// Clear screen, an OSC title with BEL, CR, a C1 CSI and a bidi override, in Lua source.
    static let luaHostile = #"A\27[2J\27]0;pwned\7B\rC\u{9B}D\u{202E}E"#
    /// The same string as Swift sees it.
    static let hostile = "A\u{1B}[2J\u{1B}]0;pwned\u{07}B\rC\u{9B}D\u{202E}E"
    /// How limber shows it.
    static let visible = #"A\x1B[2J\x1B]0;pwned\aB\rC\u{9B}D\u{202E}E"#

    let home: TemporaryFolder
    let limber: LimberProcess
    let extra: String

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        let h = Self.luaHostile
        try home.write(
            "extra/hostile.lua",
            """
            local H = "\(h)"
            limber.catalogue.add{ id = 'evil-move', name = 'Evil ' .. H, kind = 'static', position = 'standing',
              laterality = 'bilateral', phase = 'anytime', regions = { 'hips' }, muscles = { 'm' .. H },
              dose = { unit = 'seconds', min = 1, max = 60, default = 2 },
              instructions = { 'step ' .. H }, cues = { 'cue ' .. H }, cautions = { 'caution ' .. H } }
            limber.routine{ id = 'evil', name = 'Routine ' .. H, summary = 'summary ' .. H,
              steps = { { exercise = 'evil-move', hold = 2 }, { exercise = 'evil-move', hold = 1 } }, rest = 0 }
            limber.progression{ id = 'evil-progression', routine = 'evil', describe = 'describe ' .. H,
              adjust = function(plan) plan.steps[1].hold = 1 return plan, 'reason ' .. H end }
            limber.reminder{ id = 'evil-reminder', schedule = 'every 30 minutes', due = function() return true end,
              message = 'message ' .. H }
            """)
        try home.write("extra/broken.lua", "error('broken \(h)')\n")
        extra = home.path("extra")
    }

    /// Fails when `text` holds any character a terminal acts on (NO_COLOR is set, so limber
    /// writes no escape of its own either), and when the visible form is missing.
    func expectSafe(_ text: String, showing parts: [String] = [visible], sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
        }
        #expect(
            raw.isEmpty, "raw controls \(raw.map { String($0.value, radix: 16) }) in \(text.debugDescription)",
            sourceLocation: sourceLocation)
        for part in parts {
            #expect(text.contains(part), "\(part) not in \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func tablesCardsPlansAndPluginListings() throws {
        let exercises = try limber.run(["exercises", "--plugins", extra])
        expectSafe(exercises.stdout, showing: ["Evil " + Self.visible])
        expectSafe(exercises.stderr, showing: ["broken " + Self.visible])
        let card = try limber.run(["show", "evil-move", "--plugins", extra])
        expectSafe(
            card.stdout,
            showing: ["Evil ", "m" + Self.visible, "step " + Self.visible, "cue " + Self.visible, "caution " + Self.visible])
        let routines = try limber.run(["routines", "--plugins", extra])
        expectSafe(routines.stdout, showing: ["Routine " + Self.visible])
        let plan = try limber.run(["plan", "evil", "--plugins", extra])
        expectSafe(
            plan.stdout,
            showing: ["Routine " + Self.visible, "summary " + Self.visible, "describe " + Self.visible, "reason " + Self.visible])
        let plugins = try limber.run(["plugins", "--plugins", extra])
        expectSafe(plugins.stdout, showing: ["error: ", "broken " + Self.visible])
        let check = try limber.run(["plugins", "check", home.path("extra/broken.lua")])
        expectSafe(check.stdout + check.stderr, showing: ["broken " + Self.visible])
        #expect(check.status == 1)
    }

    @Test func jsonKeepsTheExactStrings() throws {
        struct Named: Decodable { let id: String; let name: String }
        let exercises = try JSONDecoder().decode(
            [Named].self, from: Data(try limber.run(["exercises", "--json", "--plugins", extra]).stdout.utf8))
        #expect(exercises.first { $0.id == "evil-move" }?.name == "Evil " + Self.hostile)
        let routines = try JSONDecoder().decode(
            [Named].self, from: Data(try limber.run(["routines", "--json", "--plugins", extra]).stdout.utf8))
        #expect(routines.first { $0.id == "evil" }?.name == "Routine " + Self.hostile)
        struct Plan: Decodable {
            struct Change: Decodable { let reason: String? }
            struct Applied: Decodable { let describe: String }
            let name: String
            let progressions: [Change]
            let applied: [Applied]
        }
        let plan = try JSONDecoder().decode(
            Plan.self, from: Data(try limber.run(["plan", "evil", "--json", "--plugins", extra]).stdout.utf8))
        #expect(plan.name == "Routine " + Self.hostile)
        #expect(plan.progressions.first?.reason == "reason " + Self.hostile)
        #expect(plan.applied.first?.describe == "describe " + Self.hostile)
        struct Reminder: Decodable { let id: String?; let message: String? }
        let remind = try limber.run(["remind", "--dry-run", "--json", "--plugins", extra])
        let lines = remind.stdout.split(separator: "\n").map { try? JSONDecoder().decode(Reminder.self, from: Data($0.utf8)) }
        #expect(lines.contains { $0?.message == "message " + Self.hostile })
    }

    @Test func aSessionsPlainLinesAndVoice() throws {
        // A stand-in for espeak-ng that records every argument it was given, NUL-separated.
        let spoken = home.path("spoken")
        let voice = try home.write("bin/espeak-ng", "#!/bin/sh\nprintf '%s\\0' \"$@\" >> '\(spoken)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: voice.path)
        let path = home.path("bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let withVoice = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "PATH": path])
        let session = try withVoice.run([
            "start", "evil", "--no-log", "--pace", "10", "--voice", "--no-safety-notice", "--plugins", extra,
        ])
        #expect(session.status == 0, "\(session.stderr)")
        expectSafe(
            session.stdout,
            showing: ["Routine " + Self.visible + ": 2 steps", "step 1/2: Evil " + Self.visible, "finished Routine "])
        let arguments = try String(decoding: Data(contentsOf: URL(fileURLWithPath: spoken)), as: UTF8.self)
        let words = arguments.split(separator: "\0").map(String.init)
        #expect(words.contains { $0.contains("Evil A [2J ]0;pwned B C D E") }, "\(words)")
        for word in words {
            #expect(!word.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
    }

    @Test func remindOutputAndCommandDelivery() throws {
        let dry = try limber.run(["remind", "--dry-run", "--plugins", extra])
        expectSafe(dry.stdout, showing: ["evil-reminder: due", "message " + Self.visible])
        let delivered = try limber.run(["remind", "--plugins", extra])
        expectSafe(delivered.stdout, showing: ["message " + Self.visible])

        // Only the hostile plugin: a broken one makes the run exit 1.
        try home.write("only/hostile.lua", try String(contentsOfFile: home.path("extra/hostile.lua"), encoding: .utf8))
        let received = home.path("received")
        let command = try home.write("bin/deliver", "#!/bin/sh\nfor last; do :; done\nprintf '%s' \"$last\" > '\(received)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: command.path)
        let fresh = try TemporaryFolder()
        let cron = LimberProcess(home: fresh.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        let sent = try cron.run(["remind", "--command", command.path, "--plugins", home.path("only")])
        #expect(sent.status == 0, "\(sent.stderr)")
        let text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: received)), as: UTF8.self)
        #expect(text == "message " + Self.visible)
    }

    @Test func notifyErrorsAndTheLog() throws {
        let h = Self.luaHostile
        let script = try home.write(
            "script.lua",
            """
            limber.notify("notify \(h)")
            limber.log.record{ routine = "log \(h)", notes = "note \(h)", sets = { { exercise = "evil-move", hold = 2 } } }
            """)
        let run = try limber.run(["run", "--plugins", extra, script.path])
        #expect(run.status == 0, "\(run.stderr)")
        expectSafe(run.stdout, showing: ["notify " + Self.visible])
        let log = try limber.run(["log"])
        expectSafe(log.stdout, showing: ["log " + Self.visible, "note " + Self.visible])
        let stats = try limber.run(["stats"])
        expectSafe(stats.stdout, showing: [])
        struct Logged: Decodable {
            struct Session: Decodable { let routine: String; let notes: String? }; let sessions: [Session]
        }
        let json = try JSONDecoder().decode(Logged.self, from: Data(try limber.run(["log", "--json"]).stdout.utf8))
        #expect(json.sessions.first?.routine == "log " + Self.hostile && json.sessions.first?.notes == "note " + Self.hostile)

        let failing = try home.write("fail.lua", "local function f() error('fail \(h)') end\nf()\n")
        let failed = try limber.run(["run", failing.path])
        #expect(failed.status == 1)
        expectSafe(failed.stderr, showing: ["fail " + Self.visible])
        let unknown = try limber.run(["show", "nope\u{1B}[2J"])
        expectSafe(unknown.stderr, showing: ["nope\\x1B[2J"])
    }

    @Test func importedTextInTheLogAndStats() throws {
        // Yesterday, so `limber stats` (the last weeks) counts it.
        let day = Date().addingTimeInterval(-86_400)
        let date = ISO8601DateFormatter.string(
            from: day, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
        let csv = """
            type,session,activity,routine,source,started_at,ended_at,completed,day,notes,exercise,side,unit,planned,actual,discomfort,at,reason,weekday
            session,2f1c3c4e-0000-4000-8000-000000000001,mobility,"imp\(Self.hostile)",manual,\(date)T18:00:00Z,\(date)T18:10:00Z,true,\(date),"n\(Self.hostile)",,,,,,,,,
            set,2f1c3c4e-0000-4000-8000-000000000001,,,,,,true,,,"ex\(Self.hostile)",,seconds,30,30,,\(date)T18:05:00Z,,
            """
        let file = try home.write("import.csv", csv + "\n")
        let imported = try limber.run(["import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let log = try limber.run(["log"])
        expectSafe(log.stdout, showing: ["imp" + Self.visible, "n" + Self.visible])
        let stats = try limber.run(["stats"])
        expectSafe(stats.stdout, showing: ["ex" + Self.visible])
    }

    @Test func replErrorsAndValues() throws {
        let h = Self.luaHostile
        let repl = try limber.run(
            ["repl", "--plugins", extra],
            stdin: """
                error("repl \(h)")
                setmetatable({}, { __tostring = function() return "tostring \(h)" end })
                "string \(h)"
                setmetatable({}, { __tostring = function() return "bytes \\255\\155" end })

                """)
        expectSafe(repl.stderr, showing: ["repl " + Self.visible])
        expectSafe(repl.stdout, showing: ["tostring " + Self.visible, "string ", #"bytes \xFF\x9B"#])
    }

    @Test func limberTestReports() throws {
        let h = Self.luaHostile
        let file = try home.write(
            "tests/hostile_test.lua",
            """
            test("name \(h)", function() error("failure \(h)") end)
            """)
        let result = try limber.run(["test", file.path])
        #expect(result.status == 1)
        expectSafe(result.stdout, showing: ["name " + Self.visible, "failure " + Self.visible])
    }
}
