extension FuzzTarget {
    /// Every fuzz target, in the order `scripts/test` runs them. Add new ones here.
    package static let all: [FuzzTarget] = [
        .logCSV,
        .logJSON,
        .schedule,
        .dateInput,
        .durationInput,
        .fit,
        .gpx,
        .tcx,
        .gzip,
    ]
}
