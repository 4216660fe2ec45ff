/// What happened when one plugin loaded.
package struct PluginReport: Sendable, Equatable {
    package enum Status: Sendable, Equatable {
        case loaded
        /// The plugin failed; the message reads `file:line: message`.
        case failed(String)
    }

    package let plugin: PluginFile
    package var status: Status
    /// What the plugin defined, as `kind:id` (`exercise:wall-calf-stretch`, `routine:runner-cooldown`).
    package var defines: [String]
    /// Capabilities the plugin asks for in its `-- needs:` line.
    package var needs: [String]
    /// The part of `needs` the user granted in config.
    package var granted: [String]
    /// The resolved plugin file the grants apply to, when config.lua grants it anything.
    package var grantedFile: String?
    /// Why a grant in config.lua that names this plugin did not apply (another file of the same
    /// name, a changed hash).
    package var grantNote: String?

    package init(plugin: PluginFile, status: Status, defines: [String] = [], needs: [String] = [], granted: [String] = []) {
        self.plugin = plugin
        self.status = status
        self.defines = defines
        self.needs = needs
        self.granted = granted
    }

    /// Whether the plugin failed to load.
    package var failed: Bool {
        if case .failed = status { return true }
        return false
    }
}

extension [PluginReport] {
    /// How many of the plugins failed to load.
    package var failures: Int { count(where: \.failed) }
}
