import Foundation

/// Where a reminder's message goes.
package enum DeliveryBackend: Sendable, Equatable, CustomStringConvertible {
    /// Printed on standard output (what cron mails).
    case standardOutput
    /// A desktop notification through `notify-send`, when a session bus is reachable.
    case desktop
    /// A command of the user's choosing, given the message as its last argument. The command
    /// line is split into words (quotes group, nothing is expanded) and run without a shell.
    case command(String)

    package var description: String {
        switch self {
        case .standardOutput: "stdout"
        case .desktop: "desktop"
        case .command: "command"
        }
    }
}

/// Delivers messages through a backend, within a time limit.
package struct Deliverer: Sendable {
    package let backend: DeliveryBackend
    /// The environment commands run with, and where `PATH` and the session bus are read.
    package let environment: [String: String]
    /// How long a notifier may run before it is stopped.
    package let timeout: Duration

    package init(backend: DeliveryBackend, environment: [String: String], timeout: Duration = .seconds(10)) {
        self.backend = backend
        self.environment = environment
        self.timeout = timeout
    }

    /// The environment with the user's session bus: `DBUS_SESSION_BUS_ADDRESS` as set, else the
    /// bus socket at `$XDG_RUNTIME_DIR/bus` or `/run/user/UID/bus` when there is one (cron and
    /// systemd timers start without the variable, the desktop session's bus is still there).
    package var busEnvironment: [String: String] {
        if let bus = environment["DBUS_SESSION_BUS_ADDRESS"], !bus.isEmpty { return environment }
        var folders: [String] = []
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { folders.append(runtime) }
        folders.append("/run/user/\(getuid())")
        for folder in folders {
            let socket = folder + "/bus"
            if FileManager.default.fileExists(atPath: socket) {
                var found = environment
                found["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + socket
                return found
            }
        }
        return environment
    }

    /// Checks that the backend can work here, without delivering anything; the error is one line
    /// saying what is missing.
    package func checkAvailable() throws(ReminderError) {
        switch backend {
        case .standardOutput:
            return
        case .desktop:
            _ = try desktopCommand()
        case .command(let line):
            _ = try command(line)
        }
    }

    /// Delivers one message. Standard output is the caller's to print; this handles the others.
    ///
    /// The message came from a plugin: a notification or a command that prints it shows its
    /// control characters made visible (``TerminalSafe``), never acts on them.
    package func deliver(_ message: String, title: String = "limber") throws(ReminderError) {
        let message = message.terminalSafeLines, title = title.terminalSafe
        switch backend {
        case .standardOutput:
            return
        case .desktop:
            let program = try desktopCommand()
            let result = try TimedProcess.run(
                program, arguments: ["--app-name=limber", "--", title, message], environment: busEnvironment,
                timeout: timeout)
            try check(result, what: "notify-send")
        case .command(let line):
            let (program, arguments) = try command(line)
            let result = try TimedProcess.run(
                program, arguments: arguments + [message], environment: environment, timeout: timeout)
            try check(result, what: "--command '\(line)'")
        }
    }

    private func check(_ result: TimedProcess.Result, what: String) throws(ReminderError) {
        switch result.termination {
        case .exited(0):
            return
        case .exited(let code):
            throw .deliveryFailed("\(what) exited with status \(code)")
        case .signalled(let signal):
            throw .deliveryFailed("\(what) was killed by signal \(signal)")
        case .timedOut:
            throw .deliveryFailed("\(what) did not finish within \(Self.seconds(timeout)) and was stopped")
        }
    }

    /// `notify-send`'s path, if a session bus is reachable and it is installed.
    private func desktopCommand() throws(ReminderError) -> String {
        guard let bus = busEnvironment["DBUS_SESSION_BUS_ADDRESS"], !bus.isEmpty else {
            throw .backendUnavailable(
                "desktop notifications need a session bus, and DBUS_SESSION_BUS_ADDRESS is not set nor is there one at /run/user/\(getuid())/bus (is anyone logged in?)"
            )
        }
        if bus.hasPrefix("unix:path=") {
            let socket = String(bus.dropFirst("unix:path=".count).prefix { $0 != "," })
            guard FileManager.default.fileExists(atPath: socket) else {
                throw .backendUnavailable(
                    "desktop notifications need a session bus, and \(socket) does not exist (is anyone logged in?)")
            }
        }
        guard let program = TimedProcess.locate("notify-send", environment: environment) else {
            throw .backendUnavailable(
                "desktop notifications need notify-send, which is not on PATH (\(TimedProcess.searchPath(environment))); on Debian: apt install libnotify-bin"
            )
        }
        return program
    }

    /// The program and leading arguments of a command line.
    private func command(_ line: String) throws(ReminderError) -> (String, [String]) {
        let words = try CommandWords.split(line)
        guard let name = words.first else { throw .backendUnavailable("--command is empty") }
        guard let program = TimedProcess.locate(name, environment: environment) else {
            if name.contains("/") { throw .backendUnavailable("--command: \(name) is not an executable file") }
            throw .backendUnavailable("--command: '\(name)' is not on PATH (\(TimedProcess.searchPath(environment)))")
        }
        return (program, Array(words.dropFirst()))
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}

/// Splits a command line into words the way a user expects without a shell: spaces separate,
/// single and double quotes group, a backslash takes the next character as it is. Nothing is
/// expanded.
package enum CommandWords {
    package static func split(_ line: String) throws(ReminderError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = character
                inWord = true
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw .backendUnavailable("--command has an unclosed quote: \(line)") }
        if escaped { throw .backendUnavailable("--command ends in a lone backslash: \(line)") }
        if inWord { words.append(current) }
        return words
    }
}
