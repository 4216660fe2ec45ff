import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// `limber start --sound` with stand-in players on PATH that record what they are given.
@Suite("limber start --sound", .serialized)
struct SoundCommandTests {
    let home: TemporaryFolder
    let bin: TemporaryFolder

    static let routines = """
        limber.routine{ id = 'short', name = 'Short', rest = 1,
          steps = { { exercise = 'childs-pose', hold = 4 }, { exercise = 'calf-stretch', hold = 4 } } }
        limber.routine{ id = 'soft', name = 'Soft', rest = 1,
          cues = { sound = true, tick = 'soft_tick', step_end = false },
          steps = { { exercise = 'childs-pose', hold = 4 }, { exercise = 'knee-to-chest', hold = 4 } } }
        """

    init() throws {
        home = try TemporaryFolder()
        bin = try TemporaryFolder()
        try home.write("config/plugins/short.lua", Self.routines)
    }

    /// A stand-in player that appends its name and arguments to `played.log`.
    func player(_ name: String) throws {
        let url = try bin.write(name, "#!/bin/sh\necho \"\(name) $*\" >> \(bin.path("played.log"))\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    var played: [String] {
        (try? String(contentsOfFile: bin.path("played.log"), encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
    }

    /// Runs limber with only the stand-ins' folder on PATH (no real player can answer).
    func start(_ arguments: [String], path: String? = nil) throws -> LimberProcess.Result {
        let limber = LimberProcess(home: home.url, extra: ["PATH": path ?? bin.url.path])
        return try limber.run(["start"] + arguments + ["--pace", "20", "--no-countdown", "--no-safety-notice"])
    }

    /// The sound names played, in order (`tick` for `.../sounds/tick.wav`).
    func sounds(_ lines: [String]) -> [String] {
        lines.compactMap { $0.split(separator: "/").last.map { String($0.dropLast(4)) } }
    }

    @Test func theFirstPlayerFoundIsUsedInTheOrderPwPlayPaplayAplay() throws {
        try player("aplay")
        var result = try start(["short", "--sound"])
        #expect(result.status == 0, "\(result.stderr)")
        let aplay = played
        #expect(aplay.first?.hasPrefix("aplay -q ") == true, "aplay gets -q: \(aplay)")
        try player("paplay")
        try FileManager.default.removeItem(atPath: bin.path("played.log"))
        result = try start(["short", "--sound"])
        #expect(played.allSatisfy { $0.hasPrefix("paplay ") } && !played.isEmpty, "\(played)")
        try player("pw-play")
        try FileManager.default.removeItem(atPath: bin.path("played.log"))
        result = try start(["short", "--sound"])
        #expect(played.allSatisfy { $0.hasPrefix("pw-play ") } && !played.isEmpty, "\(played)")
        // Each file is a WAV the cache holds.
        let file = try #require(played.first?.split(separator: " ").last.map(String.init))
        #expect(file.hasPrefix(home.path("cache/sounds/")))
        let data = try #require(FileManager.default.contents(atPath: file))
        #expect(data.prefix(4) == Data("RIFF".utf8))
    }

    @Test func aSessionSoundsTheLastSecondsAndTheEndsInOrder() throws {
        try player("pw-play")
        let result = try start(["short", "--sound"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        // Each 4 s hold ticks at 3, 2, 1 s left; the first step's end chimes; the calf stretch's
        // left side ends in the switch call (no step end over it); the last set in the session's end.
        #expect(
            sounds(played) == [
                "tick", "tick", "tick", "step_end", "tick", "tick", "tick", "switch", "tick", "tick", "tick", "session_end",
            ])
    }

    @Test func noPlayerIsOneLineNamingWhatToInstallAndTheSessionGoesOn() throws {
        let empty = try TemporaryFolder()
        let result = try start(["short", "--sound"], path: empty.url.path)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(
            lines == [
                "limber: sound needs pw-play, paplay or aplay on PATH (Debian: apt install pipewire-bin, pulseaudio-utils or alsa-utils); going on with the bell"
            ])
        #expect(result.stdout.contains("finished Short: 3 of 3 sets"))
    }

    @Test func withoutSoundNothingPlays() throws {
        try player("pw-play")
        let result = try start(["short"])
        #expect(result.status == 0)
        #expect(played.isEmpty)
    }

    @Test func aRoutinesOwnCueSetAndTheConfigDecide() throws {
        try player("pw-play")
        var result = try start(["soft"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            sounds(played) == [
                "soft_tick", "soft_tick", "soft_tick", "soft_tick", "soft_tick", "soft_tick", "switch",
                "soft_tick", "soft_tick", "soft_tick", "session_end",
            ],
            "the routine turns sound on, softens the tick and drops the step end")

        try FileManager.default.removeItem(atPath: bin.path("played.log"))
        let own = try home.write("mine.wav", "RIFF")
        try home.write(
            "config/config.lua",
            """
            return { cues = { sound = true, countdown = 'off' }, sounds = { session_end = '\(own.path)' } }
            """)
        result = try start(["short"])
        #expect(result.status == 0, "\(result.stderr)")
        let lastFile: String? = played.last?.split(separator: " ").last.map(String.init)
        #expect(lastFile == own.path)
        #expect(sounds(played) == ["step_end", "switch", "mine"], "countdown off: no ticks; the user's own file at the end")

        try home.write("config/config.lua", "return { sounds = { session_end = '/nowhere/gone.wav' } }")
        try FileManager.default.removeItem(atPath: bin.path("played.log"))
        result = try start(["short", "--sound"])
        #expect(result.stderr.contains("sounds.session_end: cannot read /nowhere/gone.wav; playing the built-in sound"))
        #expect(sounds(played).last == "session_end")
    }

    @Test(arguments: [
        ("return { cues = { sound = 'yes' } }", "field 'cues.sound': expected true or false, got 'yes'"),
        ("return { cues = { tikc = true } }", "unknown field 'cues.tikc'"),
        ("return { sounds = { gong = '/x.wav' } }", "unknown field 'sounds.gong'"),
        ("return { cues = 3 }", "field 'cues': expected a table"),
    ])
    func aBadCueConfigIsOneLineNamingTheField(config: String, message: String) throws {
        try home.write("config/config.lua", config)
        let result = try start(["short", "--sound"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBadRoutineCueSetIsAPluginErrorNamingTheField() throws {
        try home.write(
            "config/plugins/bad.lua",
            """
            limber.routine{ id = 'bad', name = 'Bad', cues = { switch = 'gong' }, steps = { { exercise = 'childs-pose', hold = 2 } } }
            """)
        let limber = LimberProcess(home: home.url, extra: ["PATH": bin.url.path])
        let result = try limber.run(["plugins"])
        #expect(result.stdout.contains("field 'cues.switch': expected true, false or a sound"), "\(result.stdout)")
    }

    @Test func aHookPlaysACueAndPrintsBetweenTheSessionsLines() throws {
        try player("pw-play")
        try home.write(
            "config/plugins/hooks.lua",
            """
            limber.on('step_start', function(e)
              print('hook: step', e.step, limber.cue('halfway'), limber.cue('soft_tick'))
            end)
            limber.on('session_done', function() print(pcall(limber.cue, 'gong')) end)
            """)
        let result = try start(["short", "--sound"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("hook: step\t1\ttrue\ttrue\n"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "false\tlimber.cue: unknown cue 'gong' (cues: tick, soft_tick, halfway, switch, step_end, session_end)"))
        let names = sounds(played)
        let halfways = names.filter { $0 == "halfway" }.count, softs = names.filter { $0 == "soft_tick" }.count
        #expect(halfways == 3 && softs == 3, "one each for three sets: \(names)")
        // With --json, what a hook prints goes to stderr: stdout stays one JSON object a line.
        let json = try start(["short", "--json"])
        #expect(json.stderr.contains("hook: step\t1\tfalse\tfalse\n"), "\(json.stderr)")
        #expect(json.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{") })
        // Without sound, limber.cue is a quiet false.
        try FileManager.default.removeItem(atPath: bin.path("played.log"))
        let quiet = try start(["short"])
        #expect(quiet.stdout.contains("hook: step\t1\tfalse\tfalse\n"))
        #expect(played.isEmpty)
    }
}
