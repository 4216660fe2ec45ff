/// The user's settings, from `$XDG_CONFIG_HOME/limber/config.lua`.
package struct LimberConfig: Sendable, Equatable {
    /// Capabilities granted to plugin files (see ``PluginGrant``).
    package var grants: [PluginGrant]
    /// Whether a guided session shows the safety advice the first time.
    package var safetyNotice: Bool
    /// Folders whose activity files `limber remind` and `limber runs scan` import first
    /// (`runs = { folders = { "~/Garmin/Activity" } }`), as written (`~` not yet expanded).
    package var runFolders: [String]
    /// Which sounds guided sessions make (`cues = {...}`).
    package var cues: CueSettings
    /// The user's own WAV files in place of built-in sounds (`sounds = { tick = "~/click.wav" }`).
    package var sounds: [CueSound: String]
    /// How reminders are delivered (`remind = {...}`).
    package var remind: RemindSettings

    package init(
        grants: [PluginGrant] = [], safetyNotice: Bool = true, runFolders: [String] = [],
        cues: CueSettings = CueSettings(), sounds: [CueSound: String] = [:], remind: RemindSettings = RemindSettings()
    ) {
        self.grants = grants
        self.safetyNotice = safetyNotice
        self.runFolders = runFolders
        self.cues = cues
        self.sounds = sounds
        self.remind = remind
    }
}
