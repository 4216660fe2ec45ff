/// The user's settings, from `$XDG_CONFIG_HOME/limber/config.lua`.
public struct LimberConfig: Sendable, Equatable {
    /// Capabilities granted per plugin name: `exec`, `files`, `env`.
    public var grants: [String: [String]]
    /// Whether a guided session shows the safety advice the first time.
    public var safetyNotice: Bool
    /// Folders whose activity files `limber remind` and `limber runs scan` import first
    /// (`runs = { folders = { "~/Garmin/Activity" } }`), as written (`~` not yet expanded).
    public var runFolders: [String]

    public init(grants: [String: [String]] = [:], safetyNotice: Bool = true, runFolders: [String] = []) {
        self.grants = grants
        self.safetyNotice = safetyNotice
        self.runFolders = runFolders
    }
}
