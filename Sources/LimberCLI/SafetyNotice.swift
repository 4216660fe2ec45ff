import Foundation
import LimberCore

/// The article's safety advice, shown before a person's first guided session and then not
/// again (a marker file under the state folder remembers it).
enum SafetyNotice {
    static let text = """
        Before you start: a stretch should feel like a mild, steady pull. Ease off or stop if \
        anything causes serious discomfort. Back pain that keeps coming back belongs with a \
        physical therapist or doctor, ideally before you start a new routine.
        """

    static let footer = "(shown once; --no-safety-notice or safety_notice = false in config.lua hides it)"

    /// The marker that says the notice has been shown.
    static func marker(_ paths: LimberPaths) -> URL {
        paths.state.appendingPathComponent("safety-notice-shown")
    }

    /// The notice if it is due (enabled and never shown), marking it shown; nil otherwise.
    static func takeIfDue(paths: LimberPaths, enabled: Bool) -> String? {
        guard enabled else { return nil }
        let marker = marker(paths)
        guard !FileManager.default.fileExists(atPath: marker.path) else { return nil }
        try? FileManager.default.createDirectory(at: paths.state, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data("shown\n".utf8))
        return text + "\n" + footer + "\n"
    }
}
