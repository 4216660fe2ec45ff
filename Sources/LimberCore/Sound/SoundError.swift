/// What can go wrong with sound cues: a cache folder that cannot be written, a bad cue setting.
package enum SoundError: Error, Equatable, CustomStringConvertible {
    /// The sound cache cannot be written.
    case unwritableCache(path: String, reason: String)
    /// A cue setting names something limber does not know.
    case invalidSetting(String)

    package var description: String {
        switch self {
        case .unwritableCache(let path, let reason): "cannot write the sound cache \(path): \(reason)"
        case .invalidSetting(let message): message
        }
    }
}
