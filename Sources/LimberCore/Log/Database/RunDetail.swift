/// What the log keeps of a run beyond its session: the sport, the distance and the file it was
/// imported from (the `run_detail` table). A run typed in by hand has none.
package struct RunDetail: Sendable, Equatable {
    /// `running`, `trail_running`, `treadmill_running`, ...
    package var sport: String
    /// Metres, when known.
    package var distance: Double?
    /// The activity file it came from, when it was imported from one.
    package var sourceFile: String?

    package init(sport: String, distance: Double?, sourceFile: String?) {
        self.sport = sport
        self.distance = distance
        self.sourceFile = sourceFile
    }

    /// Checks every value against what the log keeps (and so exports and imports back).
    package func validate() throws(LogError) {
        if sport.isBlank { throw .invalid(field: "sport", reason: "must not be empty") }
        try LogLimits.check(text: sport, field: "sport")
        try LogLimits.check(distance: distance, field: "distance_m")
        if let sourceFile, sourceFile.isEmpty { throw .invalid(field: "file", reason: "must not be empty") }
        try LogLimits.check(text: sourceFile, field: "file")
    }
}
