import Foundation

/// One activity found in a file: a FIT session (a multisport leg), a GPX track, a TCX activity.
public struct FileActivity: Sendable, Equatable {
    /// What the file says the activity was.
    public enum Sport: Sendable, Equatable {
        /// A run of some kind: `running`, `trail_running`, `treadmill_running`, ...
        case run(String)
        /// Anything else, by the name the file gives it: `cycling`, `walking`, `swimming`, ...
        case other(String)
        /// The file does not say (a GPX track without a type, a TCX "Other", a FIT "generic").
        case unspecified
    }

    public var start: Date
    /// Elapsed time, pauses included.
    public var seconds: Double
    /// Metres, when the file records a distance.
    public var distance: Double?
    public var sport: Sport

    public init(start: Date, seconds: Double, distance: Double?, sport: Sport) {
        self.start = start
        self.seconds = seconds
        self.distance = distance
        self.sport = sport
    }
}

/// What a file holds: activities, or a reason it holds none (a settings file, a route).
public enum FileContents: Sendable, Equatable {
    case activities([FileActivity])
    case noActivity(String)
}
