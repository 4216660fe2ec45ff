import Foundation

/// The systemd user units that run `limber remind`: `limber-remind.service` and
/// `limber-remind.timer` in `$XDG_CONFIG_HOME/systemd/user` (`~/.config/systemd/user`).
package struct SystemdUnits: Sendable, Equatable {
    package static let serviceName = "limber-remind.service"
    package static let timerName = "limber-remind.timer"

    /// The folder the units live in.
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    /// The user unit folder for an environment: `XDG_CONFIG_HOME` when absolute, else `HOME/.config`.
    /// (`LIMBER_HOME` does not move it: systemd reads units only from its own places.)
    package init(environment: [String: String]) {
        let config: URL
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") {
            config = URL(fileURLWithPath: value, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            config = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        }
        self.init(folder: config.appendingPathComponent("systemd/user", isDirectory: true))
    }

    package var service: URL { folder.appendingPathComponent(Self.serviceName) }
    package var timer: URL { folder.appendingPathComponent(Self.timerName) }

    /// Writes both units for `job`; false when both were already exactly so.
    @discardableResult
    package func install(_ job: RemindJob) throws(ReminderError) -> Bool {
        let wanted = [(service, job.systemdService), (timer, job.systemdTimer)]
        if wanted.allSatisfy({ FileManager.default.contents(atPath: $0.0.path) == Data($0.1.utf8) }) { return false }
        for (url, text) in wanted {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw .commandFailed("cannot write \(url.path): \(error.localizedDescription)")
            }
        }
        return true
    }

    /// Whether either unit is there.
    package var installed: Bool {
        FileManager.default.fileExists(atPath: service.path) || FileManager.default.fileExists(atPath: timer.path)
    }

    /// Deletes both units; false when neither was there.
    @discardableResult
    package func remove() throws(ReminderError) -> Bool {
        var removed = false
        // The link `enable` made, so a timer enabled while systemd ran does not dangle.
        let wants = folder.appendingPathComponent("timers.target.wants/\(Self.timerName)")
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: wants.path)) != nil {
            try? FileManager.default.removeItem(at: wants)
        }
        for url in [timer, service] where FileManager.default.fileExists(atPath: url.path) {
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw .commandFailed("cannot remove \(url.path): \(error.localizedDescription)")
            }
            removed = true
        }
        return removed
    }
}
