import Foundation

/// One activity found in a file: a FIT session (a multisport leg), a GPX track, a TCX activity.
package struct FileActivity: Sendable, Equatable {
    /// What the file says the activity was.
    package enum Sport: Sendable, Equatable {
        /// A run of some kind: `running`, `trail_running`, `treadmill_running`, ...
        case run(String)
        /// Anything else, by the name the file gives it: `cycling`, `walking`, `swimming`, ...
        case other(String)
        /// The file does not say (a GPX track without a type, a TCX "Other", a FIT "generic").
        case unspecified
    }

    package var start: Date
    /// Elapsed time, pauses included.
    package var seconds: Double
    /// Metres, when the file records a distance.
    package var distance: Double?
    package var sport: Sport

    package init(start: Date, seconds: Double, distance: Double?, sport: Sport) {
        self.start = start
        self.seconds = seconds
        self.distance = distance
        self.sport = sport
    }
}

/// What a file holds: activities, or a reason it holds none (a settings file, a route).
package enum FileContents: Sendable, Equatable {
    case activities([FileActivity])
    case noActivity(String)
}
