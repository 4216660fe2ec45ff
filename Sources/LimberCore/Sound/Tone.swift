import Foundation

/// A short sound as a sum of decaying sine notes, rendered to 16-bit samples.
package struct Tone: Sendable, Equatable {
    /// One sine note: when it starts, how long it lasts, how loud, how fast it fades.
    package struct Note: Sendable, Equatable {
        package var frequency: Double
        package var startMilliseconds: Int
        package var milliseconds: Int
        /// Peak level, 0 to 1 of full scale.
        package var amplitude: Double
        /// Time for the level to fall to 1/e after the attack.
        package var decayMilliseconds: Double

        package init(frequency: Double, startMilliseconds: Int, milliseconds: Int, amplitude: Double, decayMilliseconds: Double) {
            self.frequency = frequency
            self.startMilliseconds = startMilliseconds
            self.milliseconds = milliseconds
            self.amplitude = amplitude
            self.decayMilliseconds = decayMilliseconds
        }
    }

    /// Length of the whole sound.
    package var milliseconds: Int
    package var notes: [Note]

    package init(milliseconds: Int, notes: [Note]) {
        self.milliseconds = milliseconds
        self.notes = notes
    }

    /// How many samples the sound has at `sampleRate`.
    package func sampleCount(at sampleRate: Int) -> Int {
        sampleRate * milliseconds / 1_000
    }

    /// The sound as signed 16-bit samples at `sampleRate`. Each note rises over 3 ms and is
    /// faded out over its last 5 ms, so no note starts or stops with a click.
    package func samples(at sampleRate: Int) -> [Int16] {
        let count = sampleCount(at: sampleRate)
        var mix = [Double](repeating: 0, count: count)
        let rate = Double(sampleRate)
        for note in notes {
            let first = sampleRate * note.startMilliseconds / 1_000
            let length = sampleRate * note.milliseconds / 1_000
            let attack = max(1.0, rate * 0.003), release = max(1.0, rate * 0.005)
            let decay = max(1.0, rate * note.decayMilliseconds / 1_000)
            for offset in 0..<length where first + offset < count {
                let position = Double(offset)
                var level = note.amplitude * exp(-max(0, position - attack) / decay)
                level *= min(1, position / attack) * min(1, Double(length - offset) / release)
                mix[first + offset] += level * sin(2 * Double.pi * note.frequency * position / rate)
            }
        }
        return mix.map { Int16(max(-1, min(1, $0)) * Double(Int16.max)) }
    }
}
