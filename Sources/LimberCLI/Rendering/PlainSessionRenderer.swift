import LimberCore

/// A guided session as plain lines, one per event, for pipes and logs: no colour, no `\r`.
///
/// Ticks are quiet except every ten seconds of a hold, so a long hold still shows progress.
final class PlainSessionRenderer: SessionRenderer {
    private let write: (String) -> Void
    private let writeNote: (String) -> Void
    private var status: SessionStatus?

    /// `write` gets each line with its newline; `note` gets notes (stderr, usually).
    init(write: @escaping (String) -> Void, note: @escaping (String) -> Void) {
        self.write = write
        self.writeNote = note
    }

    func begin(plan: SessionPlan, pace: Double) {
        status = SessionStatus(plan: plan, pace: pace)
    }

    func render(_ event: SessionEvent) {
        guard var status else { return }
        status.apply(event)
        self.status = status
        if let line = line(for: event, status: status) { write(line + "\n") }
    }

    func note(_ message: String) {
        writeNote("limber: \(message.terminalSafeLines)\n")
    }

    func end() {}

    func output(_ text: String) {
        write(text)
    }

    func line(for event: SessionEvent, status: SessionStatus) -> String? {
        let plan = status.plan
        switch event {
        case .sessionStart(let start):
            var line =
                "\(start.name.terminalSafe): \(start.steps) steps, \(start.sets) sets, \(SessionText.duration(start.plannedSeconds))"
            if start.pace != 1 { line += " (\(SessionText.pace(start.pace)))" }
            if start.getReady > 0, let first = plan.steps.first {
                line += "\nget ready: \(start.getReady) s, first \(first.exercise.name.terminalSafe)"
            }
            return line
        case .stepStart(let start):
            let step = plan.steps[start.step - 1]
            var line = "step \(start.step)/\(plan.steps.count): \(step.exercise.name.terminalSafe)"
            if let side = SessionText.side(start.side, of: start.sides) { line += ", \(side)" }
            line += ", \(SessionText.dose(start.amount, start.unit))"
            if start.unit != .seconds { line += " (\(start.seconds) s)" }
            return line
        case .tick(let tick):
            guard tick.phase == .hold, tick.remaining % 10 == 0 else { return nil }
            return "  \(tick.remaining) s left"
        case .sideSwitch(let change):
            let name = plan.steps[change.step - 1].exercise.name.terminalSafe
            return "switch sides: \(name), right side" + (change.seconds > 0 ? " in \(change.seconds) s" : "")
        case .stepDone(let done):
            let name = plan.steps[done.step - 1].exercise.name.terminalSafe
            var line =
                done.completed
                ? "done: \(name)"
                : "cut short: \(name), \(SessionText.dose(done.actual, done.unit)) of \(SessionText.dose(done.planned, done.unit))"
            if let side = SessionText.side(done.side, of: done.sides) { line += " (\(side))" }
            if done.rest > 0, done.step < plan.steps.count {
                line += "; rest \(done.rest) s, next \(plan.steps[done.step].exercise.name.terminalSafe)"
            }
            return line
        case .paused:
            return "paused"
        case .resumed:
            return "resumed"
        case .sessionDone(let done):
            let sets = "\(done.setsCompleted) of \(done.sets) sets"
            return done.completed
                ? "finished \(plan.routine.name.terminalSafe): \(sets) in \(SessionText.duration(done.elapsedSeconds))"
                : "ended early: \(sets) after \(SessionText.duration(done.elapsedSeconds))"
        }
    }
}
