import Foundation
import LimberCore
import LimberLua

/// The Lua REPL: reads chunks, runs them in a host with the `limber` API and the plugins,
/// prints what they return.
///
/// Interactive (a terminal) it edits lines with libedit, keeps history and handles Ctrl-C;
/// otherwise it reads lines without prompts, sends errors to stderr and ends with exit code 1
/// when any statement failed.
final class Repl {
    /// Makes a host with the plugins loaded (again, on `.reload`).
    typealias HostMaker = () throws -> (host: LimberHost, reports: [PluginReport])

    private let makeHost: HostMaker
    private let output: ReplOutput
    private let printOptions: ReplPrintOptions
    private var host: LimberHost
    private var driver: ReplDriver
    private var pluginCount: Int
    private var input: ReplInput?
    /// Whether a statement failed (non-interactive runs exit 1 then).
    private var failed = false

    init(makeHost: @escaping HostMaker, output: ReplOutput = ReplOutput(), printOptions: ReplPrintOptions) throws {
        self.makeHost = makeHost
        self.output = output
        self.printOptions = printOptions
        let made = try makeHost()
        host = made.host
        pluginCount = made.reports.count
        driver = try Self.driver(for: made.host)
    }

    private static func driver(for host: LimberHost) throws -> ReplDriver {
        do {
            return try ReplDriver(host: host)
        } catch {
            throw LimberFailure("cannot start the REPL: \(error.message)")
        }
    }

    /// Completions for Tab.
    func complete(_ word: String) -> [String] {
        driver.complete(word)
    }

    /// Reads and runs until the input ends, `.exit` or `os.exit`; returns the exit code.
    func run(input: ReplInput) -> Int32 {
        self.input = input
        defer {
            self.input = nil
            finishLoggedSessions(of: host)
        }
        if input.isInteractive {
            prepareForPerson(host)
            output.out(banner)
        }
        var pending: [String] = []
        while true {
            switch input.read(prompt: pending.isEmpty ? "limber> " : "   ...> ") {
            case .end:
                if input.isInteractive {
                    // Ctrl-D leaves, dropping an unfinished chunk as Ctrl-C would.
                    output.out("\n")
                    return 0
                }
                if !pending.isEmpty { report(ReplChunk.unfinished(pending.joined(separator: "\n"), in: host.lua)) }
                return failed ? 1 : 0
            case .interrupt:
                pending = []
                output.out("^C\n")
            case .line(let line):
                input.remember(line)
                if pending.isEmpty, let command = DotCommand.parse(line) {
                    if let code = perform(command) { return code }
                    continue
                }
                if pending.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                pending.append(line)
                switch ReplChunk.compile(pending.joined(separator: "\n"), in: host.lua) {
                case .incomplete:
                    continue
                case .failed(let error):
                    pending = []
                    report(error)
                case .ready(let chunk):
                    pending = []
                    if let code = execute(chunk) { return code }
                }
            }
        }
    }

    private var banner: String {
        let plugins = pluginCount == 1 ? "1 plugin" : "\(pluginCount) plugins"
        return """
            limber \(LimberVersion.string) (Lua 5.4, \(plugins)): help() for the API, .help for commands, Ctrl-D to leave.

            """
    }

    /// Runs a chunk and prints its results; returns an exit code when the code called `os.exit`.
    private func execute(_ chunk: LuaValue) -> Int32? {
        do {
            let text = try ReplInterrupts.whileRunning(host.lua) { () throws(LuaError) in
                try driver.run(chunk, options: printOptions)
            }
            output.flush()
            // The printer quotes strings, but a `__tostring` result is shown as it returned it.
            if let text {
                output.out(TerminalSafe.text(bytes: text.bytes, lines: .multiple, keepingStyles: printOptions.colour) + "\n")
            }
        } catch .exit(let code) {
            output.flush()
            return code
        } catch {
            // The terminal echoed ^C where the cursor was: start the message on a line of its own.
            if ReplInterrupts.lastRunInterrupted { output.out("\n") }
            report(error)
        }
        return nil
    }

    /// Shows an error: the message, and the traceback when the error came from inside a function.
    private func report(_ error: LuaError) {
        failed = true
        var text = error.message
        if let traceback = error.traceback, let frames = Self.userFrames(traceback) { text += "\n" + frames }
        output.error(output.errorTerminal.red(text.terminalSafeLines) + "\n")
    }

    /// The traceback's frames above the REPL's own, or nil when they show nothing the message
    /// does not (the error was raised directly in the typed chunk).
    static func userFrames(_ traceback: String) -> String? {
        var frames: [String] = []
        for line in traceback.split(separator: "\n").dropFirst() {
            let frame = line.trimmingCharacters(in: .whitespaces)
            if frame.hasPrefix(ReplLuaSource.source.locationPrefix) { break }
            if frame == "[C]: in ?" { continue }
            frames.append(String(line))
        }
        // `return f()` (an expression line) is a tail call: the chunk's own frame is gone.
        if frames.last?.trimmingCharacters(in: .whitespaces) == "(...tail calls...)" { frames.removeLast() }
        // The typed chunk is called by the REPL's Lua side as the local `chunk`; call it what it is.
        if let last = frames.last, last.hasSuffix(" in local 'chunk'") {
            frames[frames.count - 1] = String(last.dropLast(" in local 'chunk'".count)) + " in main chunk"
        }
        let informative = frames.contains { frame in
            !frame.contains("in main chunk") && !frame.contains("[C]: in function 'error'")
        }
        return informative ? "stack traceback:\n" + frames.joined(separator: "\n") : nil
    }

    // MARK: Dot-commands

    /// Performs a dot-command; returns an exit code when it ends the REPL.
    private func perform(_ command: DotCommand) -> Int32? {
        switch command {
        case .help:
            output.out(DotCommand.summary + "\n")
        case .exercises:
            output.out(ExerciseTable(exercises: host.catalogue.all, terminal: Terminal()).render())
        case .reload:
            reload()
        case .load(let path):
            return load(path)
        case .exit(let code):
            return code
        case .invalid(let message):
            failed = true
            output.error(output.errorTerminal.red(message.terminalSafeLines) + "\n")
        }
        return nil
    }

    private func reload() {
        do {
            let made = try makeHost()
            let fresh = try Self.driver(for: made.host)
            finishLoggedSessions(of: host)
            if input?.isInteractive == true { prepareForPerson(made.host) }
            host = made.host
            driver = fresh
            pluginCount = made.reports.count
            let failures = made.reports.failures
            var line = "reloaded \(made.reports.count == 1 ? "1 plugin" : "\(made.reports.count) plugins")"
            if failures > 0 { line += " (\(failures) failed)" }
            output.out(line + "; globals are reset\n")
        } catch {
            failed = true
            output.error(output.errorTerminal.red(LimberFailure(error).message) + "\n")
        }
    }

    /// Sets a host up for a person at the prompt: guided sessions end with Ctrl-C and give the
    /// prompt back in working order.
    private func prepareForPerson(_ host: LimberHost) {
        // A session started at the prompt gets the same live display and keys as `limber start`.
        let console =
            host.sessions.presenter
            ?? SessionConsole(
                options: .init(
                    mode: .live, colour: Terminal().colour, bell: true, voice: false, keys: true,
                    cues: host.config.config.cues, routineCues: { [weak host] in host?.sessions.cueSets[$0] },
                    soundFiles: host.config.config.sounds,
                    soundCache: SoundCache(paths: host.paths)))
        if let sounding = console as? SessionConsole {
            host.sessions.cuePlayer = { [weak sounding] name in sounding?.playCue(name) ?? false }
        }
        host.sessions.presenter = ReplSessionPresenter(wrapping: console, output: output)
    }

    /// Finishes the sessions written set by set with `limber.log.record` in a host that is
    /// going away, so they read as completed rather than ended early.
    private func finishLoggedSessions(of host: LimberHost) {
        do {
            try host.sessionLog.finishRecordings(completed: true)
        } catch {
            output.error(output.errorTerminal.red("limber: \(String(describing: error).terminalSafeLines)") + "\n")
        }
    }

    /// Runs a file as if typed; returns an exit code when it called `os.exit`.
    private func load(_ path: String) -> Int32? {
        let chunk: LuaValue
        do {
            chunk = try host.lua.load(file: NSString(string: path).expandingTildeInPath)
        } catch {
            report(error)
            return nil
        }
        return execute(chunk)
    }
}
