/// A way back to an owner, held strongly by what depends on it and cleared by the owner as it goes.
///
/// It answers what a `weak` reference answers ("is my owner still there?") without making one:
/// a weak reference gives its target a side table, and from then on every retain and release
/// of that target takes Swift's slow path, which was half the time of a host call into the
/// `LuaState` and `LimberHost` that every call touches. The owner calls `clear()` first thing
/// in its `deinit`; from then on `owner` is nil. Like the state it links to, a link is used
/// from one thread at a time.
final class OwnerLink<Owner: AnyObject> {
    /// The owner while it lives; nil once it has begun to go.
    private(set) unowned(unsafe) var owner: Owner?

    init(_ owner: Owner) { self.owner = owner }

    /// Called by the owner's `deinit`, before it releases anything.
    func clear() { owner = nil }
}
