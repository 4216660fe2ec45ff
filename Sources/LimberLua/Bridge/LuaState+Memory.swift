import CLuaShim

/// Memory by owner: what each plugin holds of the Lua heap, and what it may.
///
/// While a call on behalf of an owner runs (``LuaState/call(_:_:cpuLimit:owner:)``), what Lua
/// allocates is that owner's, and stays its own while it is alive, whoever frees it. An owner
/// may hold ``memoryShare`` bytes; all owners together ``memoryLimit`` less ``memoryHeadroom``,
/// which only the host's own work uses, so the host can always report and go on. An owner
/// refused memory is stopped as an owner whose CPU budget is spent (``stoppedOwners``).
extension LuaState {
    /// Bytes `owner` holds now; `nil` for the host's own.
    package func memoryUsed(by owner: String?) -> Int {
        guard let owner else { return limber_memory_of(L, nil) }
        return limber_memory_of(L, owner)
    }

    /// What one owner may hold, in bytes; 0 for no share of its own (only the limit counts).
    /// A share as large as what owners may hold together counts as none.
    package var memoryShare: Int {
        get { limber_memory_share(L) }
        set { limber_set_memory_shares(L, newValue, memoryHeadroom) }
    }

    /// What owners together leave of ``memoryLimit`` for the host's own work, in bytes.
    package var memoryHeadroom: Int {
        get { limber_memory_headroom(L) }
        set { limber_set_memory_shares(L, memoryShare, newValue) }
    }
}
