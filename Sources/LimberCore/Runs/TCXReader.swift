import Foundation

/// Reads Garmin's Training Center XML: each `<Activity>` is an activity, from its first lap's
/// start to the later of its last trackpoint and its laps' total time, its distance the sum of
/// its laps' `DistanceMeters`, its sport the `Sport` attribute (Running, Biking, Other).
enum TCXReader {
    static func contents(of data: Data) throws(RunFileError) -> FileContents {
        let handler = Handler()
        try XMLActivityParser.parse(data, format: "TCX", with: handler)
        guard handler.sawRoot else { throw RunFileError("not a TCX file (no <TrainingCenterDatabase> element)") }
        let activities = handler.activities.compactMap(\.activity)
        if !activities.isEmpty { return .activities(activities) }
        if !handler.activities.isEmpty { return .noActivity("its activities have no start time") }
        return .noActivity(handler.sawCourse ? "a course or workout, not an activity" : "no activity in it")
    }

    static func sport(_ attribute: String?) -> FileActivity.Sport {
        guard let attribute, !attribute.isEmpty, attribute.lowercased() != "other" else { return .unspecified }
        let name = attribute.lowercased()
        return name == "running" ? .run("running") : .other(name == "biking" ? "cycling" : name)
    }

    private struct Activity {
        var sport: String?
        var start: Int64?
        var lastPoint: Int64?
        var lapSeconds = 0.0
        var metres: Double?

        var activity: FileActivity? {
            guard let start else { return nil }
            var seconds = lapSeconds
            if let lastPoint, lastPoint > start { seconds = max(seconds, Double(lastPoint - start)) }
            return FileActivity(
                start: Date(timeIntervalSince1970: TimeInterval(start)), seconds: seconds, distance: metres,
                sport: TCXReader.sport(sport))
        }
    }

    private final class Handler: XMLActivityParser.Handler {
        var activities: [Activity] = []
        var sawRoot = false
        var sawCourse = false

        func start(_ name: String, attributes: [String: String], path: [String]) {
            switch name {
            case "TrainingCenterDatabase" where path.isEmpty: sawRoot = true
            case "Activity" where path.last != "Activity": activities.append(Activity(sport: attributes["Sport"]))
            case "Lap" where !activities.isEmpty:
                if let stamp = attributes["StartTime"].flatMap(LogTime.parse) {
                    let current = activities[activities.count - 1].start
                    activities[activities.count - 1].start = min(current ?? stamp, stamp)
                }
            case "Course", "Workout": sawCourse = true
            default: break
            }
        }

        func wantsText(_ name: String, path: [String]) -> Bool {
            switch (name, path.last) {
            case ("Id", "Activity"), ("TotalTimeSeconds", "Lap"), ("DistanceMeters", "Lap"), ("Time", "Trackpoint"): true
            default: false
            }
        }

        func end(_ name: String, text: String, path: [String]) {
            guard !activities.isEmpty, path.contains("Activity") else { return }
            var activity = activities[activities.count - 1]
            switch (name, path.last) {
            case ("Id", "Activity"):
                if activity.start == nil { activity.start = LogTime.parse(text) }
            case ("TotalTimeSeconds", "Lap"):
                if let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds < 1e7 { activity.lapSeconds += seconds }
            case ("DistanceMeters", "Lap"):
                if let metres = Double(text), metres.isFinite, metres >= 0, metres < 1e8 {
                    activity.metres = (activity.metres ?? 0) + metres
                }
            case ("Time", "Trackpoint"):
                if let stamp = LogTime.parse(text) { activity.lastPoint = max(activity.lastPoint ?? stamp, stamp) }
            default: return
            }
            activities[activities.count - 1] = activity
        }
    }
}
