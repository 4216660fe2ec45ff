/// Any `Clock<Duration>` behind one concrete type, for code that holds its clock as
/// `any Clock<Duration>` (a host whose clock tests replace) but needs a generic one.
///
/// Instants are offsets from the moment the wrapper was made.
public struct AnyClock: Clock {
    /// A point on the wrapped clock, as time since the wrapper was made.
    public struct Instant: InstantProtocol {
        public var offset: Duration

        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration, Duration?) async throws -> Void
    public let minimumResolution: Duration

    /// Wraps `clock`.
    public init<C: Clock<Duration>>(_ clock: C) {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        sleeper = { offset, tolerance in try await clock.sleep(until: start.advanced(by: offset), tolerance: tolerance) }
        minimumResolution = clock.minimumResolution
    }

    public var now: Instant { Instant(offset: elapsed()) }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try await sleeper(deadline.offset, tolerance)
    }
}
