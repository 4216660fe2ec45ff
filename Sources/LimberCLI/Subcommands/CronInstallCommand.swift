import ArgumentParser
import Foundation
import LimberCore

/// `limber cron install`: puts the limber block in the user's crontab, or brings it up to date.
struct CronInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Add the limber block to your crontab, or update it; installing twice leaves one block."
    )

    @Flag(
        help: "Install a systemd user service and timer instead (Persistent=true: a run missed while asleep happens on waking).")
    var systemd = false

    @OptionGroup var job: CronJobOptions

    func run() throws {
        if systemd { return try installSystemd() }
        let remindJob = job.job()
        do {
            let crontab = try Crontab(environment: ProcessEnvironment.current)
            let current = try crontab.read()
            let updated = try CrontabBlock.install(remindJob.crontabBlock, into: current)
            if updated == current {
                print("crontab: the limber block is already up to date")
                return
            }
            try crontab.write(updated)
        } catch {
            throw LimberFailure(error.description)
        }
        print("crontab: limber remind runs every \(remindJob.everyMinutes) minutes:")
        print("  \(remindJob.crontabLine)")
    }

    /// Writes the units, then reloads and enables the timer, or says how to.
    private func installSystemd() throws {
        let environment = ProcessEnvironment.current
        let remindJob = job.job(environment: environment, forCron: false)
        let units = SystemdUnits(environment: environment)
        let control = SystemdControl(environment: environment)
        do {
            let changed = try units.install(remindJob)
            print(
                changed
                    ? "systemd: wrote \(units.service.path) and \(SystemdUnits.timerName) (every \(remindJob.everyMinutes) minutes)"
                    : "systemd: the limber units in \(units.folder.path) are already up to date")
            guard let systemctl = control.systemctl else {
                print("systemd is not running for this user; when it is, run:")
                for line in SystemdControl.typed(SystemdControl.installCommands) { print("  \(line)") }
                return
            }
            try control.run(SystemdControl.installCommands, with: systemctl)
        } catch {
            throw LimberFailure(error.description)
        }
        print("systemd: \(SystemdUnits.timerName) is enabled and started")
    }
}
