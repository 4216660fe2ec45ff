/// What a guided session should sound like, event by event: which built-in sounds to play and
/// what to say, from the plan and the cue settings. Pure: the caller plays and speaks.
///
/// - the last three seconds of a hold: a tick each (`remaining` 3, 2, 1), or spoken with
///   `countdown = "voice"` and a voice;
/// - halfway through a timed hold of 40 s or more: the halfway sound (or "Halfway" spoken);
/// - a side switch; the end of a step that another step follows; the end of the session.
///
/// A step's last set is followed at once by the session's end, and a first side by its switch,
/// so those step ends stay silent rather than play over the sound that follows.
package struct CueSchedule: Sendable {
    /// One thing to do for an event.
    package enum Action: Sendable, Equatable {
        case play(CueSound)
        case speak(String)
    }

    /// Holds at least this long (seconds) get a halfway cue.
    package static let halfwayFrom = 40

    package let plan: SessionPlan
    package let settings: CueSettings
    /// Whether a voice speaks (`--voice` with espeak-ng found).
    package let voice: Bool

    package init(plan: SessionPlan, settings: CueSettings, voice: Bool) {
        self.plan = plan
        self.settings = settings
        self.voice = voice
    }

    /// Whether the count and the halfway cue are spoken rather than played.
    private var speaksCount: Bool { voice && settings.countdownMode == .voice }

    /// The actions for one event, in order.
    package func actions(for event: SessionEvent) -> [Action] {
        switch event {
        case .tick(let tick):
            guard tick.phase == .hold, settings.countdownMode != .off || isHalfway(tick) else { return [] }
            if (1...3).contains(tick.remaining), settings.countdownMode != .off {
                if speaksCount { return [.speak(Self.words[tick.remaining - 1])] }
                return play(.tick)
            }
            if isHalfway(tick) {
                if speaksCount { return [.speak("Halfway.")] }
                return play(.halfway)
            }
            return []
        case .sideSwitch:
            return play(.switchSides)
        case .stepDone(let done):
            guard done.side == done.sides, done.step < plan.steps.count else { return [] }
            return play(.stepEnd)
        case .sessionDone:
            return play(.sessionEnd)
        case .sessionStart, .stepStart, .paused, .resumed:
            return []
        }
    }

    private static let words = ["One.", "Two.", "Three."]

    private func isHalfway(_ tick: Tick) -> Bool {
        guard tick.phase == .hold, tick.seconds >= Self.halfwayFrom, tick.step >= 1, tick.step <= plan.steps.count,
            plan.steps[tick.step - 1].unit == .seconds
        else { return false }
        return tick.remaining == tick.seconds / 2
    }

    private func play(_ cue: Cue) -> [Action] {
        guard settings.playsSounds, let sound = settings.sound(for: cue) else { return [] }
        return [.play(sound)]
    }
}
