import ArgumentParser
import Foundation
import LimberCore

/// `limber cron remove`: takes the limber block out of the user's crontab.
struct CronRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take the limber block out of your crontab; the rest stays as it was."
    )

    func run() throws {
        do {
            let crontab = try Crontab(environment: ProcessInfo.processInfo.environment)
            let (text, removed) = try CrontabBlock.remove(from: try crontab.read())
            guard removed else {
                print("crontab: there is no limber block")
                return
            }
            try crontab.write(text)
        } catch {
            throw LimberFailure(error.description)
        }
        print("crontab: removed the limber block")
    }
}
