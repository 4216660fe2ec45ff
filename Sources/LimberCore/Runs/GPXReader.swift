import Foundation

/// Reads GPX 1.0/1.1 files: each track (`<trk>`) is an activity, from its first to its last
/// timed point, its distance the sum of the great-circle steps within each segment, its sport
/// the track's `<type>` (OpenTracks and Strava write `running`; older Strava exports `9`).
enum GPXReader {
    static func contents(of data: Data) throws(RunFileError) -> FileContents {
        let handler = Handler()
        try XMLActivityParser.parse(data, format: "GPX", with: handler)
        guard handler.sawRoot else { throw RunFileError("not a GPX file (no <gpx> element)") }
        let activities = handler.tracks.compactMap(\.activity)
        if !activities.isEmpty { return .activities(activities) }
        if !handler.tracks.isEmpty { return .noActivity("its tracks have no timed points") }
        return .noActivity(handler.sawRoute ? "a route or waypoints only, not an activity" : "no track in it")
    }

    /// The sport a GPX `<type>` names.
    static func sport(_ type: String?) -> FileActivity.Sport {
        guard let type, !type.isEmpty else { return .unspecified }
        let name = type.lowercased().replacingOccurrences(of: " ", with: "_")
        if name == "9" || name.contains("run") || name == "jogging" {
            return .run(name == "9" || name == "run" ? "running" : name)
        }
        return .other(name)
    }

    private struct Track {
        var type: String?
        var first: Int64?
        var last: Int64?
        var metres = 0.0
        var points = 0

        var activity: FileActivity? {
            guard let first, let last, last >= first else { return nil }
            return FileActivity(
                start: Date(timeIntervalSince1970: TimeInterval(first)), seconds: Double(last - first),
                distance: points > 1 ? metres : nil, sport: GPXReader.sport(type))
        }
    }

    private final class Handler: XMLActivityParser.Handler {
        var tracks: [Track] = []
        var sawRoot = false
        var sawRoute = false
        private var previous: (Double, Double)?
        private var point: (Double, Double)?

        func start(_ name: String, attributes: [String: String], path: [String]) {
            switch name {
            case "gpx" where path.isEmpty: sawRoot = true
            case "trk": tracks.append(Track())
            case "trkseg": previous = nil
            case "trkpt":
                if let lat = attributes["lat"].flatMap(Double.init), let lon = attributes["lon"].flatMap(Double.init),
                    (-90...90).contains(lat), (-180...180).contains(lon)
                {
                    point = (lat, lon)
                } else {
                    point = nil
                }
            case "rte", "wpt": sawRoute = true
            default: break
            }
        }

        func wantsText(_ name: String, path: [String]) -> Bool {
            (name == "type" && path.last == "trk") || (name == "time" && path.last == "trkpt")
        }

        func end(_ name: String, text: String, path: [String]) {
            guard !tracks.isEmpty else { return }
            switch name {
            case "type" where path.last == "trk":
                tracks[tracks.count - 1].type = text
            case "time" where path.last == "trkpt":
                guard let stamp = LogTime.parse(text) else { return }
                var track = tracks[tracks.count - 1]
                track.first = min(track.first ?? stamp, stamp)
                track.last = max(track.last ?? stamp, stamp)
                tracks[tracks.count - 1] = track
            case "trkpt":
                guard let point else { return }
                if let previous { tracks[tracks.count - 1].metres += Geodesy.metres(from: previous, to: point) }
                tracks[tracks.count - 1].points += 1
                previous = point
            default: break
            }
        }
    }
}

/// Distances on the Earth's surface.
enum Geodesy {
    /// The great-circle distance between two (latitude, longitude) points in degrees, in metres.
    static func metres(from a: (Double, Double), to b: (Double, Double)) -> Double {
        let radius = 6_371_008.8
        let lat1 = a.0 * .pi / 180, lat2 = b.0 * .pi / 180
        let dLat = lat2 - lat1, dLon = (b.1 - a.1) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * radius * asin(min(1, sqrt(h)))
    }
}
