import ArgumentParser
import LimberCore

/// `limber cron print`: the crontab block, or a systemd user service and timer.
struct CronPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print the crontab entry that runs limber remind (or, with --systemd, a user service and timer)."
    )

    @Flag(help: "Print a systemd user service and timer instead.")
    var systemd = false

    @OptionGroup var job: CronJobOptions

    func run() throws {
        let remindJob = job.job(forCron: !systemd)
        if systemd {
            print(remindJob.systemdService)
            print(remindJob.systemdTimer, terminator: "")
        } else {
            print(remindJob.crontabBlock, terminator: "")
        }
    }
}
