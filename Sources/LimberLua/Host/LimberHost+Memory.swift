/// How much of the Lua heap plugins may hold: set by the host only, never by a plugin or by
/// config.lua.
extension LimberHost {
    /// What one plugin may hold of the Lua heap unless the host says otherwise: 128 MiB.
    package static let defaultPluginMemoryShare = 128 << 20

    /// What plugins leave of a memory limit to the host: an eighth of it, at most 64 MiB.
    package static func memoryHeadroom(limit: Int) -> Int { min(64 << 20, limit / 8) }

    /// What one plugin may hold of the Lua heap, in bytes, at load and in its later calls
    /// together; past it, its call fails with "used more than N MiB of memory" and it is
    /// stopped. 0 for no share of its own (only the memory limit counts).
    package var pluginMemoryShare: Int {
        get { lua.memoryShare }
        set { lua.memoryShare = newValue }
    }

    /// Bytes of the Lua heap the plugin at `path` holds now.
    package func memoryUsed(byPlugin path: String) -> Int { lua.memoryUsed(by: path) }

    /// Gives plugins their shares of the state's memory limit (at start).
    func shareMemory() {
        lua.memoryHeadroom = Self.memoryHeadroom(limit: lua.memoryLimit)
        lua.memoryShare = Self.defaultPluginMemoryShare
    }
}
