import Foundation

/// Where limber keeps the user's files, following the XDG base directories.
///
/// `LIMBER_HOME` points all of them at one folder (for tests and for trying things out):
/// config and plugins in `$LIMBER_HOME/config`, the log in `$LIMBER_HOME/data`, history and
/// reminder state in `$LIMBER_HOME/state`, generated files (sounds) in `$LIMBER_HOME/cache`.
package struct LimberPaths: Sendable, Equatable {
    /// `$XDG_CONFIG_HOME/limber`: config.
    package var config: URL
    /// `$XDG_DATA_HOME/limber`: the log database.
    package var data: URL
    /// `$XDG_STATE_HOME/limber`: REPL history, reminder state.
    package var state: URL
    /// `$XDG_CACHE_HOME/limber`: files limber can make again (the cue sounds).
    package var cache: URL

    /// Without `cache`, the cache is a `cache` folder beside `state`.
    package init(config: URL, data: URL, state: URL, cache: URL? = nil) {
        self.config = config
        self.data = data
        self.state = state
        self.cache = cache ?? state.deletingLastPathComponent().appendingPathComponent("cache", isDirectory: true)
    }

    /// All three folders under one root.
    package init(home: URL) {
        self.init(
            config: home.appendingPathComponent("config", isDirectory: true),
            data: home.appendingPathComponent("data", isDirectory: true),
            state: home.appendingPathComponent("state", isDirectory: true),
            cache: home.appendingPathComponent("cache", isDirectory: true))
    }

    /// The folders for an environment: `LIMBER_HOME`, else the XDG variables, else their defaults
    /// under `HOME` (so a cron job with only `HOME` set finds the same files).
    package static func resolve(environment: [String: String] = ProcessEnvironment.current) -> LimberPaths {
        if let home = environment["LIMBER_HOME"], !home.isEmpty {
            return LimberPaths(home: URL(fileURLWithPath: home, isDirectory: true))
        }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, _ fallback: String) -> URL {
            // The XDG spec ignores relative paths.
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return URL(fileURLWithPath: userHome, isDirectory: true).appendingPathComponent(fallback, isDirectory: true)
        }
        return LimberPaths(
            config: base("XDG_CONFIG_HOME", ".config").appendingPathComponent("limber", isDirectory: true),
            data: base("XDG_DATA_HOME", ".local/share").appendingPathComponent("limber", isDirectory: true),
            state: base("XDG_STATE_HOME", ".local/state").appendingPathComponent("limber", isDirectory: true),
            cache: base("XDG_CACHE_HOME", ".cache").appendingPathComponent("limber", isDirectory: true))
    }

    /// The user's plugin folder.
    package var plugins: URL { config.appendingPathComponent("plugins", isDirectory: true) }
    /// The config file.
    package var configFile: URL { config.appendingPathComponent("config.lua") }
    /// The session log database.
    package var database: URL { data.appendingPathComponent("limber.sqlite") }
    /// The REPL's history file.
    package var history: URL { state.appendingPathComponent("history") }
}
