import Foundation

/// A mono 16-bit PCM WAV file (RIFF), the format every Linux audio player takes.
package enum WAVFile {
    /// The sample rate limber writes its sounds at.
    package static let sampleRate = 44_100

    /// The bytes of a WAV file holding `samples` at `sampleRate`: a 44-byte header (RIFF,
    /// `fmt ` PCM mono 16-bit, `data`) and the samples, little-endian.
    package static func encode(_ samples: [Int16], sampleRate: Int = WAVFile.sampleRate) -> Data {
        var data = Data(capacity: 44 + samples.count * 2)
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let dataBytes = UInt32(samples.count * 2)
        data.append(contentsOf: Array("RIFF".utf8))
        append32(36 + dataBytes)
        data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8))
        append32(16) // size of the PCM format block
        append16(1) // PCM
        append16(1) // mono
        append32(UInt32(sampleRate))
        append32(UInt32(sampleRate * 2)) // bytes a second
        append16(2) // bytes a frame
        append16(16) // bits a sample
        data.append(contentsOf: Array("data".utf8))
        append32(dataBytes)
        for sample in samples { append16(UInt16(bitPattern: sample)) }
        return data
    }

    /// The WAV file of a built-in sound.
    package static func encode(_ sound: CueSound) -> Data {
        encode(sound.tone.samples(at: sampleRate))
    }
}
