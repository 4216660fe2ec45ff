/// The sounds limber synthesises for its cues, each a short tone written once as a WAV file.
///
/// The raw value is the name config files, routines and `limber.cue` use (`soft_tick`).
package enum CueSound: String, Sendable, CaseIterable, Comparable {
    /// A short click for each of the last three seconds of a hold.
    case tick
    /// A quieter, lower click, for slow routines.
    case softTick = "soft_tick"
    /// Two soft beeps: half the hold is done.
    case halfway
    /// A rising two-note call: change sides.
    case switchSides = "switch"
    /// A bright chime: a step is over.
    case stepEnd = "step_end"
    /// A rising arpeggio: the session is over.
    case sessionEnd = "session_end"

    package static func < (lhs: CueSound, rhs: CueSound) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Every name, for messages.
    package static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The notes this sound is made of.
    package var tone: Tone {
        switch self {
        case .tick:
            Tone(
                milliseconds: 60,
                notes: [
                    .init(frequency: 1_500, startMilliseconds: 0, milliseconds: 60, amplitude: 0.6, decayMilliseconds: 12),
                    .init(frequency: 3_000, startMilliseconds: 0, milliseconds: 60, amplitude: 0.2, decayMilliseconds: 6),
                ])
        case .softTick:
            Tone(
                milliseconds: 50,
                notes: [
                    .init(frequency: 700, startMilliseconds: 0, milliseconds: 50, amplitude: 0.25, decayMilliseconds: 12)
                ])
        case .halfway:
            Tone(
                milliseconds: 300,
                notes: [
                    .init(frequency: 880, startMilliseconds: 0, milliseconds: 110, amplitude: 0.45, decayMilliseconds: 80),
                    .init(frequency: 880, startMilliseconds: 170, milliseconds: 130, amplitude: 0.45, decayMilliseconds: 80),
                ])
        case .switchSides:
            Tone(
                milliseconds: 360,
                notes: [
                    .init(frequency: 523.25, startMilliseconds: 0, milliseconds: 170, amplitude: 0.55, decayMilliseconds: 150),
                    .init(frequency: 783.99, startMilliseconds: 180, milliseconds: 180, amplitude: 0.55, decayMilliseconds: 150),
                ])
        case .stepEnd:
            Tone(
                milliseconds: 600,
                notes: [
                    .init(frequency: 1_046.5, startMilliseconds: 0, milliseconds: 600, amplitude: 0.5, decayMilliseconds: 180),
                    .init(frequency: 2_093, startMilliseconds: 0, milliseconds: 600, amplitude: 0.15, decayMilliseconds: 90),
                ])
        case .sessionEnd:
            Tone(
                milliseconds: 1_000,
                notes: [
                    .init(frequency: 523.25, startMilliseconds: 0, milliseconds: 200, amplitude: 0.45, decayMilliseconds: 160),
                    .init(frequency: 659.25, startMilliseconds: 180, milliseconds: 200, amplitude: 0.45, decayMilliseconds: 160),
                    .init(frequency: 783.99, startMilliseconds: 360, milliseconds: 200, amplitude: 0.45, decayMilliseconds: 160),
                    .init(frequency: 1_046.5, startMilliseconds: 540, milliseconds: 460, amplitude: 0.5, decayMilliseconds: 250),
                ])
        }
    }
}
