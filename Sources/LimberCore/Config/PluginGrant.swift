/// Capabilities the user grants to one plugin file in config.lua.
///
/// ```lua
/// grants = {
///   ["~/code/notifier.lua"] = { "exec" },                       -- this file, by its path
///   ["plugins/stretchy"] = { "files", sha256 = "9f86d0..." },   -- a folder plugin, pinned
///   notifier = { "exec" },  -- a bare name: only $XDG_CONFIG_HOME/limber/plugins/notifier(.lua)
/// }
/// ```
/// A path starting with `~/` is under the home folder, a relative one under config.lua's
/// folder; it is compared after resolving symlinks, so another file of the same name is never
/// granted. With `sha256`, the grant holds only while the entry file's content has that hash.
package struct PluginGrant: Sendable, Equatable {
    /// Which plugin the grant names.
    package enum Target: Sendable, Equatable {
        /// A plugin file or folder, as written in config.lua.
        case path(String)
        /// A bare plugin name: a plugin of that name in the user's own plugin folder only.
        case name(String)
    }

    package var target: Target
    /// The capabilities: `exec`, `files`, `env`.
    package var capabilities: [String]
    /// The entry file's SHA-256 in hex, when the grant is pinned to one content.
    package var sha256: String?

    package init(_ target: Target, capabilities: [String], sha256: String? = nil) {
        self.target = target
        self.capabilities = capabilities
        self.sha256 = sha256
    }

    /// The key as the user wrote it.
    package var key: String {
        switch target {
        case .path(let path): path
        case .name(let name): name
        }
    }

    /// Whether a config key is a path (has a `/`, starts with `~` or ends in `.lua`) rather than a name.
    package static func target(forKey key: String) -> Target {
        key.contains("/") || key.hasPrefix("~") || key.hasSuffix(".lua") ? .path(key) : .name(key)
    }
}
