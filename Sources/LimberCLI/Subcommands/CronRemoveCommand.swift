import ArgumentParser
import Foundation
import LimberCore

/// `limber cron remove`: takes the limber block out of the user's crontab.
struct CronRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take the limber block out of your crontab; the rest stays as it was."
    )

    @Flag(help: "Stop, disable and delete the systemd user service and timer instead.")
    var systemd = false

    func run() throws {
        if systemd { return try removeSystemd() }
        do {
            let crontab = try Crontab(environment: ProcessEnvironment.current)
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

    private func removeSystemd() throws {
        let environment = ProcessEnvironment.current
        let units = SystemdUnits(environment: environment)
        let control = SystemdControl(environment: environment)
        guard units.installed else {
            print("systemd: there are no limber units in \(units.folder.path)")
            return
        }
        do {
            let systemctl = control.systemctl
            if let systemctl { try control.run(SystemdControl.disableCommands, with: systemctl) }
            try units.remove()
            print("systemd: removed \(units.service.path) and \(SystemdUnits.timerName)")
            if let systemctl {
                try control.run(SystemdControl.reloadCommands, with: systemctl)
            } else {
                print("systemd is not running for this user; when it is, run:")
                for line in SystemdControl.typed(SystemdControl.disableCommands + SystemdControl.reloadCommands) {
                    print("  \(line)")
                }
            }
        } catch {
            throw LimberFailure(error.description)
        }
    }
}
