import Foundation
import LimberCore

extension FuzzTarget {
    /// A watch's FIT file, as `limber runs import` decodes it.
    package static let fit = runFile("fit", "FIT activity files", kind: .fit)
    /// A GPX track, through limber's own XML reader (XMLScanner).
    package static let gpx = runFile("gpx", "GPX activity files", kind: .gpx)
    /// A TCX activity, through limber's own XML reader (XMLScanner).
    package static let tcx = runFile("tcx", "TCX activity files", kind: .tcx)
    /// Gzipped files (`.fit.gz` from Strava's export): decompression stays within its bound.
    package static let gzip = FuzzTarget("gzip", "gzipped activity files") { data throws(FuzzFailure) in
        let limit = 1 << 20
        guard let inflated = try? RunFileReader.unzipped(data, limit: limit) else { return }
        try require(inflated.count <= limit, "inflated to \(inflated.count) bytes past the \(limit)-byte bound")
    }

    /// Decodes the bytes as `kind`: a file is read or refused with a message, never a trap, and
    /// what it yields is a sane activity.
    static func runFile(_ name: String, _ summary: String, kind: RunFileFormat.Kind) -> FuzzTarget {
        FuzzTarget(name, summary) { data throws(FuzzFailure) in
            guard case .activities(let activities)? = try? RunFileReader.contents(of: data, kind: kind) else { return }
            for activity in activities {
                try require(activity.seconds.isFinite && activity.seconds >= 0, "an activity of \(activity.seconds) s")
                if let distance = activity.distance {
                    try require(distance.isFinite && distance >= 0, "an activity of \(distance) m")
                }
            }
        }
    }
}
