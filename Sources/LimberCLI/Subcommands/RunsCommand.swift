import ArgumentParser

/// `limber runs`: runs from watch and app files; lists them unless given a subcommand.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List your runs, or import them from FIT, GPX and TCX files.",
        discussion: """
            Runs come from the files watches and apps write: FIT (Garmin, COROS, Wahoo, Suunto; \
            also .fit.gz), GPX and TCX. Each run is a session with activity 'run' in the log, so \
            reminders and progressions see it. Folders listed in config.lua as \
            runs = { folders = { "~/Garmin/Activity" } } are imported by `limber runs scan` and \
            before every `limber remind`.
            """,
        subcommands: [RunsListCommand.self, RunsImportCommand.self, RunsScanCommand.self],
        defaultSubcommand: RunsListCommand.self
    )
}
