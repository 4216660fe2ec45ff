import Foundation
import LimberCore
import LimberLua

/// How a session reaches the person at the terminal: a renderer, the bell, the voice, keys and
/// signals, installed on the host as its session presenter.
final class SessionConsole: SessionPresenter {
    /// How output is shown.
    enum Mode: Equatable {
        /// The live display (stdout is a TTY).
        case live
        /// One plain line per event.
        case plain
        /// One JSON object per event.
        case json
    }

    struct Options {
        var mode: Mode
        var colour: Bool
        var bell = true
        var voice = false
        /// Read keys from stdin (it is a TTY).
        var keys = false
        /// `--sound`: play sound cues whatever the settings say.
        var sound = false
        /// The user's cue settings (config.lua's `cues`).
        var cues = CueSettings()
        /// Each routine's own cue settings, laid over the user's.
        var routineCues: (String) -> CueSettings? = { _ in nil }
        /// The user's WAV files in place of built-in sounds.
        var soundFiles: [CueSound: String] = [:]
        /// Where the built-in sounds are written.
        var soundCache: SoundCache?
        var environment = ProcessEnvironment.current
    }

    private let options: Options
    private let renderer: any SessionRenderer
    private let speech: Speech?
    private let keys = SessionKeys()
    private let signals = SessionSignals()
    private var plan: SessionPlan?
    private var voiceMissingNoted = false
    private var cues: SessionCues?

    /// The signal (SIGINT, SIGTERM) that ended the last session, if one did.
    var endingSignal: Int32? { signals.signal }

    init(options: Options) {
        self.options = options
        let out: (String) -> Void = { Terminal.standardOutput.write($0) }
        let err: (String) -> Void = { Terminal.standardError.write($0) }
        switch options.mode {
        case .live:
            renderer = LiveSessionRenderer(
                terminal: Terminal(isTTY: true, colour: options.colour), write: out, width: Self.columns,
                keys: options.keys, bell: options.bell)
        case .plain:
            renderer = PlainSessionRenderer(write: out, note: err)
        case .json:
            renderer = JSONSessionRenderer(write: out, note: err)
        }
        speech = options.voice ? Speech() : nil
    }

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) {
        self.plan = plan
        signals.start(controls)
        renderer.begin(plan: plan, pace: pace)
        if options.voice, speech == nil, !voiceMissingNoted {
            voiceMissingNoted = true
            renderer.note(Speech.missingMessage)
        }
        var settings = (options.routineCues(plan.routine.id) ?? CueSettings()).over(options.cues)
        if options.sound { settings.sound = true }
        cues = cues ?? SessionCues(options: options, note: { [renderer] in renderer.note($0) })
        cues?.begin(CueSchedule(plan: plan, settings: settings, voice: speech != nil))
        (renderer as? LiveSessionRenderer)?.bell = options.bell && !(cues?.playsSounds ?? false)
        if options.keys { keys.start(controls) }
    }

    func present(_ event: SessionEvent) {
        for action in cues?.actions(for: event) ?? [] {
            if case .speak(let text) = action { speech?.say(text) }
        }
        renderer.render(event)
        if let speech, let plan, let phrase = Speech.phrase(for: event, plan: plan) { speech.say(phrase) }
    }

    func hookFailed(_ message: String) {
        renderer.note(message)
    }

    func sessionDidEnd() {
        keys.stop()
        renderer.end()
        signals.stop()
        speech?.finish()
        cues?.end()
    }

    func output(_ text: String) {
        renderer.output(text)
    }

    /// Plays a cue or sound for `limber.cue`, when sound is on in a session; whether it played.
    func playCue(_ name: String) -> Bool {
        cues?.play(named: name) ?? false
    }

    /// The terminal's width in columns (80 when it cannot tell).
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
