import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// What `limber cron print` and `limber cron install` put in the job: how often, how to deliver.
struct CronJobOptions: ParsableArguments {
    @Option(name: .customLong("every"), help: ArgumentHelp("Minutes between runs (1 to 60).", valueName: "minutes"))
    var everyMinutes = 30

    @OptionGroup var delivery: DeliveryOptions

    func validate() throws {
        guard (1...60).contains(everyMinutes) else { throw ValidationError("--every must be 1 to 60 minutes") }
    }

    /// The variables passed on to the job, when they are set here.
    static let passedOn = ["LIMBER_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "LIMBER_SHIPPED_PLUGINS", "TZ"]

    /// The job for this environment: the resolved limber binary, and what it needs to find the
    /// same files and programs from cron's bare environment.
    func job(environment: [String: String] = ProcessEnvironment.current, forCron: Bool = true) -> RemindJob {
        var variables: [(name: String, value: String)] = [("PATH", Self.path(environment))]
        let home = environment["LIMBER_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        for name in Self.passedOn {
            guard let value = environment[name] else { continue }
            if name.hasPrefix("XDG_") && (home != nil || !value.hasPrefix("/")) { continue }
            if name == "LIMBER_HOME" && value.isEmpty { continue }
            variables.append((name, name == "LIMBER_HOME" ? Self.absolute(value) : value))
        }
        if forCron && delivery.backend == .desktop {
            let bus =
                environment["DBUS_SESSION_BUS_ADDRESS"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "unix:path=/run/user/\(getuid())/bus"
            variables.append(("DBUS_SESSION_BUS_ADDRESS", bus))
        }
        return RemindJob(
            executable: Self.executable(), arguments: ["remind"] + delivery.arguments, environment: variables,
            everyMinutes: everyMinutes)
    }

    /// This binary's absolute, symlink-free path.
    static func executable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        let argument = CommandLine.arguments.first ?? "limber"
        let url =
            argument.contains("/")
            ? URL(fileURLWithPath: argument)
            : URL(fileURLWithPath: TimedProcess.locate(argument, environment: ProcessEnvironment.current) ?? argument)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The `PATH` for the job: this one's absolute folders, once each, with the system's.
    static func path(_ environment: [String: String]) -> String {
        var folders: [String] = []
        for folder in (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        where folder.hasPrefix("/") && !folders.contains(folder) {
            folders.append(folder)
        }
        return folders.joined(separator: ":")
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
