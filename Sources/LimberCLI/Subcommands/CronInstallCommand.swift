import ArgumentParser
import Foundation
import LimberCore

/// `limber cron install`: puts the limber block in the user's crontab, or brings it up to date.
struct CronInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Add the limber block to your crontab, or update it; installing twice leaves one block."
    )

    @OptionGroup var job: CronJobOptions

    func run() throws {
        let remindJob = job.job()
        do {
            let crontab = try Crontab(environment: ProcessInfo.processInfo.environment)
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
}
