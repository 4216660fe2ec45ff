/// The user's settings, from `$XDG_CONFIG_HOME/limber/config.lua`.
public struct LimberConfig: Sendable, Equatable {
    /// Capabilities granted to plugin files (see ``PluginGrant``).
    public var grants: [PluginGrant]
    /// Whether a guided session shows the safety advice the first time.
    public var safetyNotice: Bool

    public init(grants: [PluginGrant] = [], safetyNotice: Bool = true) {
        self.grants = grants
        self.safetyNotice = safetyNotice
    }
}
