/// What happened when one plugin loaded.
public struct PluginReport: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case loaded
        /// The plugin failed; the message reads `file:line: message`.
        case failed(String)
    }

    public let plugin: PluginFile
    public var status: Status
    /// What the plugin defined, as `kind:id` (`exercise:wall-calf-stretch`, `routine:runner-cooldown`).
    public var defines: [String]
    /// Capabilities the plugin asks for in its `-- needs:` line.
    public var needs: [String]
    /// The part of `needs` the user granted in config.
    public var granted: [String]
    /// The resolved plugin file the grants apply to, when config.lua grants it anything.
    public var grantedFile: String?
    /// Why a grant in config.lua that names this plugin did not apply (another file of the same
    /// name, a changed hash).
    public var grantNote: String?

    public init(plugin: PluginFile, status: Status, defines: [String] = [], needs: [String] = [], granted: [String] = []) {
        self.plugin = plugin
        self.status = status
        self.defines = defines
        self.needs = needs
        self.granted = granted
    }
}
