/// What a FIT file says about the activity in it, gathered while decoding: the messages that
/// matter, with every record folded into a few totals so memory stays the same for any length.
struct FITSummary: Equatable {
    /// A session or lap message's values; times are FIT seconds (since 1989-12-31 UTC).
    struct Span: Equatable {
        var start: UInt32?
        var end: UInt32?
        /// Seconds, from total_elapsed_time (scaled by 1000 in the file).
        var elapsed: Double?
        /// Metres, from total_distance (scaled by 100 in the file).
        var distance: Double?
        var sport: UInt8?
        var subSport: UInt8?
    }

    /// More sessions than any multisport day has: a file claiming more is refused.
    static let maximumSessions = 1_000

    /// file_id.type (4 is an activity); nil without a file_id message.
    var fileType: UInt8?
    var timeCreated: UInt32?
    /// The sport message's values, the sport of the whole file.
    var sport: UInt8?
    var subSport: UInt8?
    var sessions: [Span] = []
    /// All laps together: the first start, the last end, the summed distance and the first sport.
    var laps = Span()
    var lapCount = 0
    var firstRecord: UInt32?
    var lastRecord: UInt32?
    /// The largest cumulative distance of a record, in metres.
    var recordDistance: Double?
}
