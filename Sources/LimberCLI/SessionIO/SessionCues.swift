import Foundation
import LimberCore

/// The sound side of a guided session: the cue schedule, the player and the sound files.
///
/// Sounds are prepared when the first session that wants them starts: the player is looked up
/// once (missing: one note, and the bell stays on), the built-in sounds are written to the cache
/// once, and the user's own files are checked (missing: one note, the built-in sound instead).
final class SessionCues {
    private let options: SessionConsole.Options
    private let note: (String) -> Void
    private var schedule: CueSchedule?
    private var player: SoundPlayer?
    private var files: [CueSound: String] = [:]
    private var prepared = false
    private var active = false

    init(options: SessionConsole.Options, note: @escaping (String) -> Void) {
        self.options = options
        self.note = note
    }

    /// Whether this session plays sounds (asked for, and a player found).
    var playsSounds: Bool { (schedule?.settings.playsSounds ?? false) && player != nil && !files.isEmpty }

    /// A session starts with these cues.
    func begin(_ schedule: CueSchedule) {
        self.schedule = schedule
        active = true
        if schedule.settings.playsSounds { prepare() }
    }

    /// Plays the event's sounds (without waiting) and returns what is left to do: the speaking.
    func actions(for event: SessionEvent) -> [CueSchedule.Action] {
        guard let schedule else { return [] }
        var rest: [CueSchedule.Action] = []
        for action in schedule.actions(for: event) {
            switch action {
            case .play(let sound): play(sound)
            case .speak: rest.append(action)
            }
        }
        return rest
    }

    /// `limber.cue(name)`: a cue follows the session's settings, a sound name plays that sound.
    func play(named name: String) -> Bool {
        guard active, playsSounds, let schedule else { return false }
        let sound: CueSound?
        if let cue = Cue(rawValue: name) {
            sound = schedule.settings.sound(for: cue)
        } else {
            sound = CueSound(rawValue: name)
        }
        guard let sound else { return false }
        return play(sound)
    }

    /// The session is over: let the last sound finish, reap the players.
    func end() {
        active = false
        player?.finish()
    }

    @discardableResult
    private func play(_ sound: CueSound) -> Bool {
        guard playsSounds, let player, let file = files[sound] else { return false }
        return player.play(file)
    }

    private func prepare() {
        guard !prepared else { return }
        prepared = true
        guard let found = SoundPlayer(environment: options.environment) else {
            note(SoundPlayer.missingMessage)
            return
        }
        player = found
        let cache = options.soundCache ?? SoundCache(paths: LimberPaths.resolve(environment: options.environment))
        for sound in CueSound.allCases {
            if let own = options.soundFiles[sound] {
                if FileManager.default.isReadableFile(atPath: own) {
                    files[sound] = own
                    continue
                }
                note("sounds.\(sound.rawValue): cannot read \(own); playing the built-in sound")
            }
            do {
                files[sound] = try cache.file(for: sound).path
            } catch {
                note("\(error.description); going on with the bell")
                files = [:]
                return
            }
        }
    }
}
