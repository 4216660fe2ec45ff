import LimberCore

/// The live display of a guided session on a terminal: the move, the side, a progress bar,
/// the seconds left, the move's cues and what comes next, redrawn in place.
///
/// The block is redrawn by moving the cursor back to its first line and clearing to the end
/// of the screen, so notes can be printed above it and the final summary replaces it.
final class LiveSessionRenderer: SessionRenderer {
    private let terminal: Terminal
    private let write: (String) -> Void
    private let width: () -> Int
    private let keys: Bool
    /// Rings at side switches and step ends (off while sound cues play).
    var bell: Bool
    private var status: SessionStatus?
    /// Lines of the block on screen now (0 when nothing is drawn).
    private var drawn = 0

    /// `width` reads the terminal's columns; `keys` shows the key hints; `bell` rings at side
    /// switches and step ends.
    init(terminal: Terminal, write: @escaping (String) -> Void, width: @escaping () -> Int, keys: Bool, bell: Bool) {
        self.terminal = terminal
        self.write = write
        self.width = width
        self.keys = keys
        self.bell = bell
    }

    func begin(plan: SessionPlan, pace: Double) {
        status = SessionStatus(plan: plan, pace: pace)
        write("\u{1B}[?25l") // hide the cursor while the block is live
    }

    func render(_ event: SessionEvent) {
        guard var status else { return }
        status.apply(event)
        self.status = status
        switch event {
        case .sideSwitch, .stepDone:
            if bell { write("\u{07}") }
            redraw(status)
        case .sessionDone(let done):
            write(clearBlock() + summary(done, status: status) + "\n")
            drawn = 0
        default:
            redraw(status)
        }
    }

    func note(_ message: String) {
        write(clearBlock() + terminal.yellow("limber: \(message.terminalSafeLines)") + "\n")
        drawn = 0
        if let status, status.done == nil { redraw(status) }
    }

    /// Hook output goes above the block: the block is cleared, the text written, the block drawn
    /// again below it, so nothing a hook prints is drawn over.
    func output(_ text: String) {
        write(clearBlock() + text + (text.hasSuffix("\n") ? "" : "\n"))
        drawn = 0
        if let status, status.done == nil { redraw(status) }
    }

    func end() {
        if drawn > 0 { write("\n") }
        drawn = 0
        write("\u{1B}[?25h")
    }

    private func redraw(_ status: SessionStatus) {
        let lines = screen(status, width: max(20, width()))
        write(clearBlock() + lines.joined(separator: "\n"))
        drawn = lines.count
    }

    /// Moves to the block's first line and clears from there down.
    private func clearBlock() -> String {
        guard drawn > 0 else { return "" }
        return "\r" + (drawn > 1 ? "\u{1B}[\(drawn - 1)A" : "") + "\u{1B}[J"
    }

    /// The block's lines for a status, each fitted to `width` columns before any styling.
    func screen(_ status: SessionStatus, width: Int) -> [String] {
        let plan = status.plan
        let step = status.current
        let columns = width - 1

        var right = "step \(step.number)/\(plan.steps.count) · \(SessionText.duration(status.totalLeft)) left"
        if status.pace != 1 { right += " · \(SessionText.pace(status.pace))" }
        if status.paused { right += " · PAUSED" }
        let left = "limber · \(plan.routine.name.terminalSafe)"
        let gap = columns - left.count - right.count
        let header =
            gap >= 2
            ? terminal.bold(left) + String(repeating: " ", count: gap) + styledRight(right, status)
            : styledRight(fit(right, columns), status)

        let name = step.exercise.name.terminalSafe
        let title: String
        switch status.phase {
        case .getReady: title = "Get ready: \(name) · \(SessionText.dose(step.amount, step.unit))"
        case .rest: title = "Rest · up next: \(name) · \(SessionText.dose(step.amount, step.unit))"
        case .switchSides: title = "Switch sides · \(name), right side next"
        case .hold:
            var text = "\(name) · \(SessionText.dose(step.amount, step.unit))"
            if let side = SessionText.side(status.side, of: step.sides) { text += " · \(side)" }
            title = text
        }

        let secondsText = " \(status.remaining) s"
        let barWidth = max(10, min(48, columns - secondsText.count - 2))
        let total = max(1, status.seconds)
        let filled = min(barWidth, barWidth * (total - status.remaining) / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)

        var lines = [
            header,
            "",
            "  " + styledTitle(fit(title, columns - 2), status.phase),
            "  " + barColour(bar, status.phase) + terminal.bold(secondsText),
        ]
        if !step.exercise.cues.isEmpty {
            lines.append("  " + terminal.dim(fit(step.exercise.cues.joined(separator: " · ").terminalSafe, columns - 2)))
        }
        lines.append("")
        lines.append("  " + fit("Next: " + status.next, columns - 2))
        if keys {
            let hint = (status.paused ? "space resume" : "space pause") + " · n next · q end"
            lines.append("  " + terminal.dim(fit(hint, columns - 2)))
        }
        return lines
    }

    private func summary(_ done: SessionDone, status: SessionStatus) -> String {
        let sets = "\(done.setsCompleted) of \(done.sets) sets"
        if done.completed {
            return terminal.green(
                "✓ \(status.plan.routine.name.terminalSafe): \(sets) in \(SessionText.duration(done.elapsedSeconds))")
        }
        return terminal.yellow("Ended early: \(sets) after \(SessionText.duration(done.elapsedSeconds))")
    }

    private func styledRight(_ text: String, _ status: SessionStatus) -> String {
        status.paused ? terminal.red(text) : terminal.dim(text)
    }

    private func styledTitle(_ text: String, _ phase: SessionPhase) -> String {
        phase == .hold ? terminal.bold(text) : terminal.cyan(text)
    }

    private func barColour(_ bar: String, _ phase: SessionPhase) -> String {
        switch phase {
        case .hold: terminal.green(bar)
        case .switchSides: terminal.cyan(bar)
        case .getReady, .rest: terminal.yellow(bar)
        }
    }

    /// The text cut to `columns` characters, with an ellipsis when cut.
    private func fit(_ text: String, _ columns: Int) -> String {
        guard text.count > columns, columns > 1 else { return text }
        return String(text.prefix(columns - 1)) + "…"
    }
}
