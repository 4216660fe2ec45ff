import Foundation
import LimberTestSupport
import Testing

private let terminalTools = ["/usr/bin/tmux", "/usr/bin/script"].allSatisfy {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// What a plugin writes itself (`print`, `io.write`, `io.stdout:write`, `io.stderr:write`, a
/// handle on `/dev/stdout` or the terminal) reaches the terminal, or a pipe, only in Lua's escape
/// notation: at load, in a hook during a live session, in a reminder's `due` and `message`, in
/// the REPL. A file that is not a terminal gets the plugin's exact bytes, and `limber run`'s own
/// script writes raw.
@Suite("a plugin's own output cannot drive the terminal", .serialized)
struct HostilePluginOutputTests {
    static let luaHostile = HostileTextTests.luaHostile
    static let hostile = HostileTextTests.hostile
    static let visible = HostileTextTests.visible

    let home: TemporaryFolder
    let limber: LimberProcess
    let extra: String

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "NO_COLOR": "1"])
        extra = home.path("extra")
        try home.write("extra/loud.lua", Self.plugin(rawFile: home.path("raw.txt")))
        try home.write("config/config.lua", "return { grants = { ['../extra/loud.lua'] = { 'files' } } }")
    }

    /// A plugin (granted `files`) that writes the hostile text every way it can, at load and
    /// from its hook, `due` and `message`.
    static func plugin(rawFile: String) -> String {
        """
        -- needs: files
        local H = "\(luaHostile)"
        local function all_ways(tag)
          print(tag .. ' print ' .. H, 'second ' .. H)
          print(string.format('%s format %s', tag, H))
          print(setmetatable({}, { __tostring = function() return tag .. ' tostring ' .. H end }))
          io.write(tag .. ' write ' .. H, '\\n')
          io.stdout:write(tag .. ' stdout ' .. H, '\\n')
          io.stderr:write(tag .. ' stderr ' .. H, '\\n')
          io.output():write(tag .. ' output ' .. H, '\\n')
          local out = assert(io.open('/dev/stdout', 'w'))
          out:write(tag .. ' devstdout ' .. H, '\\n')
          out:close()
          local err = assert(io.open('/proc/self/fd/2', 'a'))
          err:write(tag .. ' fd2 ' .. H, '\\n')
          err:close()
          local tty = io.open('/dev/tty', 'w')
          if tty then tty:write(tag .. ' tty ' .. H, '\\n') tty:close() end
          io.stdout:flush()
        end
        all_ways('load')
        local file = assert(io.open('\(rawFile)', 'wb'))
        file:write(H)
        file:close()
        limber.catalogue.add{ id = 'loud-move', name = 'Loud ' .. H, kind = 'static', position = 'standing',
          laterality = 'bilateral', phase = 'anytime', regions = { 'hips' }, muscles = { 'm' },
          dose = { unit = 'seconds', min = 1, max = 60, default = 1 } }
        limber.routine{ id = 'loud', name = 'Loud', steps = { { exercise = 'loud-move', hold = 1 } }, rest = 0 }
        limber.on('step_start', function() all_ways('hook') end)
        limber.reminder{ id = 'loud-reminder', schedule = 'every 30 minutes',
          due = function() all_ways('due') return true end,
          message = function() all_ways('message') return 'said ' .. H end }
        """
    }

    /// Every character a terminal acts on that `text` holds raw (NO_COLOR is set; `\n` and `\t`
    /// are fine).
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
        }.map { String($0.value, radix: 16) }
    }

    /// Fails when `text` holds a raw control, or lacks the escaped line of any way `tag` wrote.
    func expectEscaped(
        _ text: String, tag: String, ways: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(Self.rawControls(text).isEmpty, "raw controls in \(text.debugDescription)", sourceLocation: sourceLocation)
        for way in ways {
            #expect(
                text.contains("\(tag) \(way) \(Self.visible)"), "no escaped '\(tag) \(way)' in \(text)",
                sourceLocation: sourceLocation)
        }
    }

    static let stdoutWays = ["print", "format", "tostring", "write", "stdout", "output", "devstdout"]
    static let stderrWays = ["stderr", "fd2"]

    @Test func atLoadEveryWayIsEscapedOnAPipeAndAFileGetsTheExactBytes() throws {
        let result = try limber.run(["routines", "--plugins", extra])
        #expect(result.status == 0, "\(result.stderr)")
        expectEscaped(result.stdout, tag: "load", ways: Self.stdoutWays)
        #expect(result.stdout.contains("load print \(Self.visible)\tsecond \(Self.visible)\n"), "print keeps its tab")
        expectEscaped(result.stderr, tag: "load", ways: Self.stderrWays)
        let file = try Data(contentsOf: URL(fileURLWithPath: home.path("raw.txt")))
        #expect(file == Data(Self.hostile.utf8), "a file that is no terminal gets the plugin's bytes as written")
    }

    @Test func aScriptWritesRawButThePluginItLoadsDoesNot() throws {
        try home.write(
            "script.lua",
            """
            local H = "\(Self.luaHostile)"
            print('script print ' .. H)
            io.write('script write ' .. H, '\\n')
            io.stdout:write('script stdout ' .. H, '\\n')
            assert(limber.catalogue.get('loud-move'))
            """)
        let result = try limber.run(["run", "--plugins", extra, home.path("script.lua")])
        #expect(result.status == 0, "\(result.stderr)")
        for way in ["print", "write", "stdout"] {
            #expect(result.stdout.contains("script \(way) \(Self.hostile)\n"), "the user's own script writes raw")
        }
        let pluginPart = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("load ") }.joined(separator: "\n")
        expectEscaped(pluginPart, tag: "load", ways: Self.stdoutWays)
    }

    @Test func dueAndMessageOfAReminderDeliveredToStdout() throws {
        let result = try limber.run(["remind", "--notify", "stdout", "--plugins", extra, "--now", "2026-06-04T18:05:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        expectEscaped(result.stdout, tag: "due", ways: Self.stdoutWays)
        expectEscaped(result.stdout, tag: "message", ways: Self.stdoutWays)
        expectEscaped(result.stderr, tag: "due", ways: Self.stderrWays)
        #expect(result.stdout.contains("said \(Self.visible)"), "the message itself")
    }

    @Test func hookOutputWithoutATerminal() throws {
        let result = try limber.run([
            "start", "loud", "--plugins", extra, "--no-countdown", "--no-safety-notice", "--no-log",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        expectEscaped(result.stdout, tag: "hook", ways: Self.stdoutWays)
        expectEscaped(result.stderr, tag: "hook", ways: Self.stderrWays)
    }

    @Test func theREPLThroughAPipeShowsLoadOutputAndValuesEscaped() throws {
        let result = try limber.run(
            ["repl", "--plugins", extra],
            stdin: """
                limber.catalogue.get('loud-move').name
                { name = limber.catalogue.get('loud-move').name }
                """)
        #expect(result.status == 0, "\(result.stderr)")
        expectEscaped(result.stdout, tag: "load", ways: Self.stdoutWays)
        #expect(result.stdout.contains("\"Loud \(Self.visible)\"\n"))
        #expect(result.stdout.contains("{ name = \"Loud \(Self.visible)\" }\n"))
    }

    /// Runs `command` at a terminal (a tmux pane), recording every byte it writes there with
    /// `script`; returns the recording once the command has ended. With a `prompt`, each line
    /// is typed once the screen ends in it.
    func atTerminal(_ command: [String], typing lines: [String] = [], prompt: String? = nil) throws -> String {
        let typescript = home.path("typescript")
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let shell = "script -q -f -e -c \"\(quoted)\" \(typescript); echo \"exit=$?\""
        let environment = [
            "LIMBER_HOME": home.url.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LIMBER_SHIPPED_PLUGINS": "",
            "LANG": "C.UTF-8",
        ]
        let tmux = try TmuxSession(["/bin/sh", "-c", shell], environment: environment, width: 200)
        // Each line is typed at a fresh prompt, as a person would (typed ahead, a session's keys
        // would read it).
        func prompts(_ screen: String) -> Int { screen.components(separatedBy: "limber>").count - 1 }
        if let prompt { try tmux.waitFor("a first prompt") { $0.hasSuffix(prompt) } }
        for line in lines {
            let before = prompts(try tmux.screen())
            try tmux.type(line)
            try tmux.press("Enter")
            if let prompt, line != lines.last {
                try tmux.waitFor("a prompt after '\(line)'") { prompts($0) > before && $0.hasSuffix(prompt) }
            }
        }
        _ = try tmux.waitForExit(timeout: 30)
        #expect(try tmux.screen().contains("exit=0"))
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: typescript)), as: UTF8.self)
    }

    /// Fails when the recording holds any part of the hostile text raw (limber's own display
    /// writes escapes of its own, so the recording is searched for the plugin's).
    func expectNoHostileBytes(_ recording: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["\u{1B}[2J", "\u{1B}]0;pwned", "pwned\u{07}", "B\rC", "\u{9B}", "\u{202E}"] {
            #expect(!recording.contains(raw), "\(raw.debugDescription) reached the terminal", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: terminalTools, "needs tmux and script"))
    func hookOutputThroughTheLiveDisplay() throws {
        let recording = try atTerminal([
            LimberProcess.executable.path, "start", "loud", "--plugins", extra, "--no-countdown", "--no-safety-notice",
            "--no-log",
        ])
        expectNoHostileBytes(recording)
        for way in Self.stdoutWays + Self.stderrWays + ["tty"] {
            #expect(
                recording.contains("hook \(way) \(Self.visible)"), "no escaped 'hook \(way)' in \(recording.debugDescription)")
        }
    }

    @Test(.enabled(if: terminalTools, "needs tmux and script"))
    func theREPLAtATerminal() throws {
        let recording = try atTerminal(
            [LimberProcess.executable.path, "repl", "--plugins", extra],
            typing: [
                "limber.catalogue.get('loud-move').name",
                "limber.session.start('loud', { get_ready = 0 })",
                "os.exit(0)",
            ], prompt: "limber>")
        expectNoHostileBytes(recording)
        for way in Self.stdoutWays + Self.stderrWays + ["tty"] {
            #expect(recording.contains("load \(way) \(Self.visible)"), "no escaped 'load \(way)'")
            #expect(recording.contains("hook \(way) \(Self.visible)"), "no escaped 'hook \(way)'")
        }
        #expect(recording.contains("\"Loud \(Self.visible)\""))
    }
}
