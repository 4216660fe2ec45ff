import ArgumentParser
import Foundation
import LimberCore
import LimberLua

/// `limber start ROUTINE`: a guided session, hands-free.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Run a routine as a guided session: get ready, holds, side switches, rests.",
        discussion: """
            On a terminal: a live display with the move, the side, a progress bar, the seconds \
            left, the move's cues and what comes next; space pauses and resumes, n skips to the \
            next step, q or Ctrl-C ends the session. Without a terminal: one plain line per event; \
            --json: one JSON object per event. A bell rings at side switches and step ends. \
            Sessions at real pace are written to the log, one set per side.
            """
    )

    @Argument(help: ArgumentHelp("The routine to run (see `limber routines`).", valueName: "routine"))
    var routine: String

    @Option(help: ArgumentHelp("Hold every timed step this many seconds instead.", valueName: "seconds"))
    var hold: Int?

    @Flag(name: .customLong("no-countdown"), help: "Start the first move at once, without the get-ready countdown.")
    var noCountdown = false

    @Flag(help: "Print one JSON object per event, one per line.")
    var json = false

    @Flag(help: "Speak the moves through espeak-ng.")
    var voice = false

    @Flag(name: .customLong("no-bell"), help: "No terminal bell at side switches and step ends.")
    var noBell = false

    @Flag(
        help: "Play sound cues (pw-play, paplay or aplay): the last three seconds, halfway, side switches, step and session ends."
    )
    var sound = false

    @Option(help: ArgumentHelp("Run N times faster to try a routine out (shown on screen; not logged).", valueName: "N"))
    var pace: Double = 1

    @Flag(name: .customLong("no-log"), help: "Do not write the session to the log.")
    var noLog = false

    @Flag(name: .customLong("no-safety-notice"), help: "Do not show the safety advice before a first session.")
    var noSafetyNotice = false

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        guard SessionMachine.paceRange.contains(pace) else {
            throw ValidationError("--pace must be between 0.1 and 100, got \(pace)")
        }
        if let hold, !Routine.Limits.hold.contains(hold) {
            throw ValidationError("--hold must be 1 to 3600 seconds, got \(hold)")
        }
    }

    func run() throws {
        let paths = LimberPaths.resolve()
        let (host, _) = try plugins.makeHost(paths: paths)
        var planOptions = SessionPlan.Options(hold: hold)
        if noCountdown { planOptions.getReady = 0 }
        let plan: SessionPlan
        let progression: ProgressedRoutine
        do {
            (plan, progression) = try host.todaysPlan(routine: routine, options: planOptions)
        } catch {
            throw LimberFailure(error.description)
        }
        for problem in progression.problems { Terminal.standardError.write("limber: \(problem.terminalSafeLines)\n") }

        let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        let mode: SessionConsole.Mode = json ? .json : (stdoutIsTTY ? .live : .plain)
        let console = SessionConsole(
            options: .init(
                mode: mode, colour: Terminal().colour, bell: !noBell, voice: voice,
                keys: isatty(STDIN_FILENO) == 1 && mode == .live, sound: sound, cues: host.config.config.cues,
                routineCues: { [weak host] in host?.sessions.cueSets[$0] }, soundFiles: host.config.config.sounds,
                soundCache: SoundCache(paths: paths)))
        host.sessions.presenter = console
        host.sessions.cuePlayer = { [weak console] name in console?.playCue(name) ?? false }

        if let notice = SafetyNotice.takeIfDue(paths: paths, enabled: !noSafetyNotice && host.config.config.safetyNotice) {
            let terminal = Terminal()
            if mode == .json {
                Terminal.standardError.write(notice)
            } else {
                Terminal.standardOutput.write(terminal.yellow(notice) + "\n")
            }
        }

        if mode != .json, !progression.changes.isEmpty {
            let made = progression.changes.filter { !$0.refused }.map(\.summary.terminalSafe)
            let refused = progression.changes.filter(\.refused).map(\.summary.terminalSafe)
            var line = "Today, after progressions: " + (made.isEmpty ? "no change" : made.joined(separator: ", "))
            if !refused.isEmpty { line += "; refused after discomfort: " + refused.joined(separator: ", ") }
            Terminal.standardOutput.write(line + "\n")
        }

        let outcome: SessionOutcome
        do {
            outcome = try host.runSession(plan, options: SessionOptions(plan: planOptions, pace: pace, log: noLog ? false : nil))
        } catch LuaError.exit(let code) {
            throw LimberFailure("", exitCode: code)
        } catch {
            throw LimberFailure(String(describing: error))
        }
        if let signal = console.endingSignal {
            throw LimberFailure("", exitCode: 128 + signal)
        }
        if mode == .live, isatty(STDIN_FILENO) == 1, let logged = outcome.logged {
            askDiscomfort(host: host, session: logged.id)
        }
    }

    /// The end-of-session check: discomfort 0–10, logged on the session's last set.
    private func askDiscomfort(host: LimberHost, session: Int64) {
        let terminal = Terminal()
        Terminal.standardOutput.write("Any discomfort? 0 (none) to 10, Enter to skip: ")
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return }
        guard let value = Int(answer), (0...10).contains(value) else {
            Terminal.standardOutput.write("not a number from 0 to 10; not logged\n")
            return
        }
        do {
            _ = try host.sessionLog.log().setDiscomfortOfLastSet(session: session, to: value)
        } catch {
            Terminal.standardError.write("limber: cannot log the discomfort: \(error)\n")
            return
        }
        if value >= 7 {
            Terminal.standardOutput.write(
                terminal.yellow(
                    "That is a lot. Ease off next time, and if back pain keeps coming back, see a physical therapist or doctor.")
                    + "\n")
        }
    }
}
