import ArgumentParser

/// `limber cron`: run `limber remind` on a schedule, through cron or a systemd user timer.
struct CronCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cron",
        abstract: "Run limber remind every half hour from cron (or a systemd user timer).",
        discussion: """
            The job calls this limber binary by its absolute path, with PATH and any LIMBER_HOME, \
            XDG_*_HOME or TZ set now, so it finds the same files from cron's bare environment. \
            install and remove keep a block marked '# >>> limber >>>' ... '# <<< limber <<<' in \
            your crontab (via crontab -l and crontab -; LIMBER_CRONTAB names another command).
            """,
        subcommands: [CronPrintCommand.self, CronInstallCommand.self, CronRemoveCommand.self]
    )
}
