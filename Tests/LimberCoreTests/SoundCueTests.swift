import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

/// Reads a little-endian integer of `size` bytes at `offset`.
private func integer(_ data: Data, _ offset: Int, _ size: Int) -> Int {
    (0..<size).reduce(0) { $0 | Int(data[data.startIndex + offset + $1]) << (8 * $1) }
}

private func text(_ data: Data, _ offset: Int) -> String {
    String(decoding: data[(data.startIndex + offset)..<(data.startIndex + offset + 4)], as: UTF8.self)
}

@Suite("Sound cue WAV files")
struct WAVFileTests {
    @Test(arguments: CueSound.allCases)
    func everySoundIsAValidMono16BitPCMWAVOfItsLength(sound: CueSound) throws {
        let data = WAVFile.encode(sound)
        #expect(text(data, 0) == "RIFF")
        #expect(integer(data, 4, 4) == data.count - 8, "RIFF size is the file less 8 bytes")
        #expect(text(data, 8) == "WAVE")
        #expect(text(data, 12) == "fmt ")
        #expect(integer(data, 16, 4) == 16)
        #expect(integer(data, 20, 2) == 1, "PCM")
        #expect(integer(data, 22, 2) == 1, "mono")
        #expect(integer(data, 24, 4) == 44_100)
        #expect(integer(data, 28, 4) == 88_200, "bytes a second")
        #expect(integer(data, 32, 2) == 2, "bytes a frame")
        #expect(integer(data, 34, 2) == 16, "bits a sample")
        #expect(text(data, 36) == "data")
        let samples = integer(data, 40, 4) / 2
        #expect(integer(data, 40, 4) == data.count - 44)
        #expect(samples == 44_100 * sound.tone.milliseconds / 1_000, "\(sound): \(samples) samples")
    }

    @Test func lengthsAreTheOnesEachCueNeeds() {
        let seconds = Dictionary(uniqueKeysWithValues: CueSound.allCases.map { ($0, Double($0.tone.milliseconds) / 1000) })
        #expect(seconds[.tick] == 0.06)
        #expect(seconds[.softTick] == 0.05)
        #expect(seconds[.halfway] == 0.3)
        #expect(seconds[.switchSides] == 0.36)
        #expect(seconds[.stepEnd] == 0.6)
        #expect(seconds[.sessionEnd] == 1.0)
        // A tick must be over well before the next second's tick.
        #expect(seconds.values.allSatisfy { $0 <= 1 })
    }

    @Test func soundsAreAudibleNeverClippedAndStartAndEndSilent() {
        for sound in CueSound.allCases {
            let samples = sound.tone.samples(at: WAVFile.sampleRate)
            let peak = samples.map { abs(Int($0)) }.max() ?? 0
            #expect(peak > 3_000, "\(sound) is audible")
            #expect(peak < Int(Int16.max), "\(sound) is not clipped")
            #expect(abs(Int(samples[0])) < 200, "\(sound) starts without a click")
            #expect(abs(Int(samples[samples.count - 1])) < 200, "\(sound) ends without a click")
        }
        let soft = CueSound.softTick.tone.samples(at: 44_100).map { abs(Int($0)) }.max() ?? 0
        let loud = CueSound.tick.tone.samples(at: 44_100).map { abs(Int($0)) }.max() ?? 0
        #expect(soft < loud / 2, "the soft tick is softer")
    }

    @Test func theCacheWritesEachFileOnceAndRepairsADamagedOne() throws {
        let folder = try TemporaryFolder()
        let cache = SoundCache(paths: LimberPaths(home: folder.url))
        #expect(cache.folder.path == folder.path("cache/sounds"))
        let tick = try cache.file(for: .tick)
        // Dated long ago, the file would read as written now if the cache wrote it again: no
        // waiting for the clock to tick over, and no file system too coarse to tell.
        let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: tick.path)
        _ = try cache.file(for: .tick)
        let second = try FileManager.default.attributesOfItem(atPath: tick.path)[.modificationDate] as? Date
        #expect(second == longAgo, "an intact file is not written again")
        try Data("not a wav".utf8).write(to: tick)
        _ = try cache.file(for: .tick)
        #expect(FileManager.default.contents(atPath: tick.path) == WAVFile.encode(.tick))
        #expect(try cache.files().count == CueSound.allCases.count)
    }

    @Test func aCacheThatCannotBeWrittenIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        let blocker = try folder.write("cache", "a file where the folder should be")
        let cache = SoundCache(folder: blocker.appendingPathComponent("sounds"))
        #expect(throws: SoundError.self) { try cache.file(for: .tick) }
    }
}

@Suite("Sound cues on the session clock")
struct CueScheduleTests {
    /// A 40 s hold, a two-sided step and a counted step, run deadline by deadline on the machine's
    /// own clock (no sleeping, and no tick can be coalesced as a loaded machine might do to a
    /// driver); the cues each event asks for, with the second they fall on.
    func run(settings: CueSettings, voice: Bool = false) async throws -> [(second: Int, action: CueSchedule.Action)] {
        let routine = Routine(
            id: "cues", name: "Cues",
            steps: [
                .init(exercise: "childs-pose", hold: 40),
                .init(exercise: "figure-four-stretch", hold: 20),
                .init(exercise: "cat-cow", reps: 2),
            ], rest: 5)
        let plan = try SessionPlan(routine: routine, catalogue: .builtin, options: .init(getReady: 5, switchSides: 3))
        let schedule = CueSchedule(plan: plan, settings: settings, voice: voice)
        var machine = try SessionMachine(plan: plan)
        return runToEnd(&machine).flatMap { time, event in
            schedule.actions(for: event).map { (Int(time.components.seconds), $0) }
        }
    }

    @Test func ticksHalfwaySwitchStepEndAndSessionEndFallOnTheirSeconds() async throws {
        let cues = try await run(settings: CueSettings(sound: true))
        let ticks = cues.filter { $0.action == .play(.tick) }.map(\.second)
        // Hold 1: 5...45; hold 2a: 50...70; switch 70...73; 2b: 73...93; rest; 3: 98...108 (2 breaths of 5 s).
        #expect(ticks == [42, 43, 44, 67, 68, 69, 90, 91, 92, 105, 106, 107])
        #expect(cues.filter { $0.action == .play(.halfway) }.map(\.second) == [25], "only the 40 s hold")
        #expect(cues.filter { $0.action == .play(.switchSides) }.map(\.second) == [70])
        #expect(cues.filter { $0.action == .play(.stepEnd) }.map(\.second) == [45, 93], "not after side 1, not before the end")
        #expect(cues.filter { $0.action == .play(.sessionEnd) }.map(\.second) == [108])
    }

    @Test func soundOffPlaysNothingAndChoicesReplaceOrSilenceCues() async throws {
        #expect(try await run(settings: CueSettings()).isEmpty, "sound is off by default")
        var choices: [Cue: CueSound?] = [.tick: .softTick]
        choices[.stepEnd] = .some(nil)
        choices[.halfway] = .some(nil)
        let soft = try await run(settings: CueSettings(sound: true, choices: choices))
        let played: [CueSound] = soft.compactMap { if case .play(let sound) = $0.action { sound } else { nil } }
        #expect(played.filter { $0 == .softTick }.count == 12)
        #expect(!played.contains(.tick) && !played.contains(.stepEnd) && !played.contains(.halfway))
        #expect(played.contains(.sessionEnd))
        let noCount = try await run(settings: CueSettings(sound: true, countdown: .off))
        #expect(!noCount.contains { $0.action == .play(.tick) })
        #expect(noCount.contains { $0.action == .play(.halfway) }, "countdown off keeps halfway")
    }

    @Test func aVoiceCountdownSpeaksTheCountAndHalfwayInsteadOfTicking() async throws {
        let spoken = try await run(settings: CueSettings(sound: true, countdown: .voice), voice: true)
        let words = spoken.compactMap { if case .speak(let text) = $0.action { text } else { nil } }
        #expect(words.prefix(4) == ["Halfway.", "Three.", "Two.", "One."])
        #expect(words.filter { $0 == "Three." }.count == 4)
        #expect(!spoken.contains { $0.action == .play(.tick) || $0.action == .play(.halfway) })
        #expect(spoken.contains { $0.action == .play(.switchSides) }, "the other cues still sound")
        // Without a voice the count falls back to ticks.
        let noVoice = try await run(settings: CueSettings(sound: true, countdown: .voice), voice: false)
        #expect(noVoice.filter { $0.action == .play(.tick) }.count == 12)
    }
}

@Suite("Cue settings")
struct CueSettingsTests {
    @Test func fieldsParseAndLayer() throws {
        let user = try CueSettings(fields: ["sound": .boolean(true), "tick": .string("soft_tick"), "halfway": .boolean(false)])
        let routine = try CueSettings(fields: ["tick": .boolean(true), "countdown": .string("voice")])
        let merged = routine.over(user)
        #expect(merged.playsSounds)
        #expect(merged.countdownMode == .voice)
        #expect(merged.sound(for: .tick) == .tick, "the routine's choice wins")
        #expect(merged.sound(for: .halfway) == nil, "the user's silence stays")
        #expect(merged.sound(for: .sessionEnd) == .sessionEnd)
    }

    @Test(arguments: [
        (["tikc": CueSettings.Value.boolean(true)], "unknown field 'cues.tikc'"),
        (["sound": .string("yes")], "field 'cues.sound': expected true or false, got 'yes'"),
        (["countdown": .string("loud")], "field 'cues.countdown': expected 'sound', 'voice' or 'off'"),
        (["switch": .string("gong")], "field 'cues.switch': expected true, false or a sound"),
        (["step_end": .other("number")], "got a number"),
    ])
    func badFieldsAreNamed(fields: [String: CueSettings.Value], message: String) {
        #expect {
            _ = try CueSettings(fields: fields)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
