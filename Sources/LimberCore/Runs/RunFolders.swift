/// Watched folders as config.lua names them, with `~` made the home folder.
package enum RunFolders {
    /// `~` and `~/x` become `home` and `home/x`; other paths are returned as they are.
    package static func expand(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst() }
        return path
    }
}
