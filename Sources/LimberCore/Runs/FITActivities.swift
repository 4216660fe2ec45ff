import Foundation

/// Turns a decoded FIT file into its activities: one per session message (each leg of a
/// multisport file), else the laps together, else the span of the records.
enum FITActivities {
    static func contents(of summary: FITSummary) -> FileContents {
        guard let type = summary.fileType else { return .noActivity("no file_id message, so not an activity file") }
        guard type == 4 else { return .noActivity("a \(FITSport.fileTypeName(type)) file, not an activity") }
        let fileSport = FITSport.sport(summary.sport, subSport: summary.subSport)
        var activities: [FileActivity] = []
        for session in summary.sessions {
            var sport = FITSport.sport(session.sport, subSport: session.subSport)
            if sport == .unspecified { sport = fileSport }
            if let activity = activity(session, sport: sport) { activities.append(activity) }
        }
        if !activities.isEmpty { return .activities(activities) }
        if summary.lapCount > 0 {
            var sport = FITSport.sport(summary.laps.sport, subSport: summary.laps.subSport)
            if sport == .unspecified { sport = fileSport }
            if let activity = activity(summary.laps, sport: sport) { return .activities([activity]) }
        }
        if let first = summary.firstRecord, let last = summary.lastRecord, last > first {
            return .activities([
                FileActivity(
                    start: date(first), seconds: Double(last - first), distance: summary.recordDistance, sport: fileSport)
            ])
        }
        return .noActivity("an activity file with no session, lap or timed record in it")
    }

    private static func activity(_ span: FITSummary.Span, sport: FileActivity.Sport) -> FileActivity? {
        var start = span.start
        var elapsed = span.elapsed
        if start == nil, let end = span.end, let elapsed, elapsed >= 0, elapsed < Double(end) {
            start = end - UInt32(elapsed)
        }
        guard let start else { return nil }
        if elapsed == nil, let end = span.end, end >= start { elapsed = Double(end - start) }
        guard let elapsed, elapsed.isFinite, elapsed >= 0 else { return nil }
        return FileActivity(start: date(start), seconds: elapsed, distance: span.distance, sport: sport)
    }

    static func date(_ fit: UInt32) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Int64(fit) + FITDecoder.epoch))
    }
}
