/// A way back to an owner, held strongly by what depends on it and cleared by the owner as it goes.
///
/// It answers what a `weak` reference answers ("is my owner still there?") without making one:
/// a weak reference gives its target a side table, and from then on every retain and release
/// of that target takes Swift's slow path, which was half the time of a host call into the
/// `LuaState` and `LimberHost` that every call touches. The owner calls `clear()` first thing
/// in its `deinit`; from then on `owner` is nil. Like the state it links to, a link is used
/// from one thread at a time.
final class OwnerLink<Owner: AnyObject> {
    /// The owner, unretained, while it lives; nil once it has begun to go.
    private var pointer: Unmanaged<Owner>?

    init(_ owner: Owner) { pointer = .passUnretained(owner) }

    /// The owner while it lives; nil once it has begun to go.
    var owner: Owner? { pointer?.takeUnretainedValue() }

    /// Runs `body` on the owner, borrowed rather than retained (a host call's hot path does
    /// this on every call); nil once the owner has begun to go. The owner must outlive `body`,
    /// as it does when `body` is a call from Lua code that the owner, or its owner, is running.
    @inline(__always)
    func withOwner<Result>(_ body: (Owner) throws -> Result) rethrows -> Result? {
        guard let pointer else { return nil }
        return try pointer._withUnsafeGuaranteedRef(body)
    }

    /// Called by the owner's `deinit`, before it releases anything.
    func clear() { pointer = nil }
}
