/// The moments of a guided session that can make a sound.
package enum Cue: String, Sendable, CaseIterable {
    /// Each of the last three seconds of a hold.
    case tick
    /// Half of a hold of 40 s or more is done.
    case halfway
    /// The first side is done: change sides.
    case switchSides = "switch"
    /// A step is over (its last side), with another to come.
    case stepEnd = "step_end"
    /// The session is over.
    case sessionEnd = "session_end"

    /// The built-in sound a cue plays unless settings say otherwise.
    package var defaultSound: CueSound {
        switch self {
        case .tick: .tick
        case .halfway: .halfway
        case .switchSides: .switchSides
        case .stepEnd: .stepEnd
        case .sessionEnd: .sessionEnd
        }
    }
}

/// Which sounds a session makes: from config.lua's `cues = {...}`, a routine's own `cues`, and
/// `--sound`. Every field is optional so that settings can be laid over one another.
///
/// ```lua
/// cues = { sound = true, countdown = "voice", tick = "soft_tick", step_end = false }
/// ```
package struct CueSettings: Sendable, Equatable {
    /// How the last seconds of a hold are counted.
    package enum Countdown: String, Sendable, CaseIterable {
        /// A tick sound each second.
        case sound
        /// Spoken ("three", "two", "one") with `--voice`, with "halfway" too; ticks without it.
        case voice
        /// Nothing.
        case off
    }

    /// Whether sounds are played at all.
    package var sound: Bool?
    package var countdown: Countdown?
    /// Per cue: the built-in sound it plays, or nil for none.
    package var choices: [Cue: CueSound?]

    package init(sound: Bool? = nil, countdown: Countdown? = nil, choices: [Cue: CueSound?] = [:]) {
        self.sound = sound
        self.countdown = countdown
        self.choices = choices
    }

    /// A setting's value as a config file or a routine spells it.
    package enum Value: Sendable, Equatable {
        case boolean(Bool)
        case string(String)
        /// Anything else, by its type name (`number`, `table`), for the error message.
        case other(String)
    }

    /// The keys a `cues` table accepts.
    package static var keys: [String] { ["sound", "countdown"] + Cue.allCases.map(\.rawValue) }

    /// Settings from a `cues` table's fields; an unknown key or a bad value is an error naming
    /// it (`cues.tick`), with what it may be.
    package init(fields: [String: Value], in table: String = "cues") throws(SoundError) {
        self.init()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let field = "\(table).\(key)"
            switch key {
            case "sound":
                guard case .boolean(let on) = value else { throw Self.bad(field, value, "true or false") }
                sound = on
            case "countdown":
                guard case .string(let text) = value, let mode = Countdown(rawValue: text) else {
                    throw Self.bad(field, value, "'sound', 'voice' or 'off'")
                }
                countdown = mode
            default:
                guard let cue = Cue(rawValue: key) else {
                    throw .invalidSetting("unknown field '\(field)' (\(table) takes: \(Self.keys.joined(separator: ", ")))")
                }
                switch value {
                case .boolean(true): choices[cue] = .some(cue.defaultSound)
                case .boolean(false): choices[cue] = .some(nil)
                case .string(let name):
                    guard let chosen = CueSound(rawValue: name) else {
                        throw Self.bad(field, value, "true, false or a sound: \(CueSound.names)")
                    }
                    choices[cue] = .some(chosen)
                case .other:
                    throw Self.bad(field, value, "true, false or a sound: \(CueSound.names)")
                }
            }
        }
    }

    private static func bad(_ field: String, _ value: Value, _ expected: String) -> SoundError {
        let got: String =
            switch value {
            case .boolean(let flag): "\(flag)"
            case .string(let text): "'\(text)'"
            case .other(let type): "a \(type)"
            }
        return .invalidSetting("field '\(field)': expected \(expected), got \(got)")
    }

    /// These settings laid over `base`: what these say wins, the rest comes from `base`.
    package func over(_ base: CueSettings) -> CueSettings {
        CueSettings(
            sound: sound ?? base.sound, countdown: countdown ?? base.countdown,
            choices: base.choices.merging(choices) { _, mine in mine })
    }

    /// Whether sounds play: off unless something turned them on.
    package var playsSounds: Bool { sound ?? false }

    /// How the count goes: ticks unless something said otherwise.
    package var countdownMode: Countdown { countdown ?? .sound }

    /// The sound a cue plays, or nil for none.
    package func sound(for cue: Cue) -> CueSound? {
        if let choice = choices[cue] { return choice }
        return cue.defaultSound
    }
}
