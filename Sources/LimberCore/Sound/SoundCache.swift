import Foundation

/// The built-in sounds as WAV files in the cache folder (`$XDG_CACHE_HOME/limber/sounds`),
/// written the first time they are needed and again only if a file there differs.
package struct SoundCache: Sendable {
    /// The folder the WAV files live in.
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    /// The cache in a limber cache folder.
    package init(paths: LimberPaths) {
        self.init(folder: paths.cache.appendingPathComponent("sounds", isDirectory: true))
    }

    /// The file of a built-in sound, written (atomically, so two sessions at once never see half
    /// a file) unless it is already there with the right contents.
    package func file(for sound: CueSound) throws(SoundError) -> URL {
        let url = folder.appendingPathComponent("\(sound.rawValue).wav")
        let wanted = WAVFile.encode(sound)
        if let present = FileManager.default.contents(atPath: url.path), present == wanted { return url }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try wanted.write(to: url, options: .atomic)
        } catch {
            throw .unwritableCache(path: url.path, reason: error.localizedDescription)
        }
        return url
    }

    /// The files of every built-in sound.
    package func files() throws(SoundError) -> [CueSound: URL] {
        var files: [CueSound: URL] = [:]
        for sound in CueSound.allCases { files[sound] = try file(for: sound) }
        return files
    }
}
