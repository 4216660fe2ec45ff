import ArgumentParser

/// `limber log`: the session log; lists recent sessions unless given a subcommand.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the session log, or add to it: sessions done elsewhere, skips, rest days.",
        discussion: """
            The log is a SQLite database under $XDG_DATA_HOME/limber (or $LIMBER_HOME/data). \
            A log that is locked by another process exits with code 75; try again.
            """,
        subcommands: [LogListCommand.self, LogAddCommand.self, LogSkipCommand.self, LogRestCommand.self],
        defaultSubcommand: LogListCommand.self
    )
}
