import LimberCore
import LimberLua

/// A routine's plan as `limber plan` prints it: one line per step, then the total.
struct PlanView {
    let plan: SessionPlan
    let progression: ProgressedRoutine
    let terminal: Terminal

    func render() -> String {
        let routine = plan.routine
        var output =
            terminal.bold("\(routine.name.terminalSafe) (\(routine.id.terminalSafe))")
            + " · \(routine.phase.rawValue.replacingOccurrences(of: "_", with: "-")) · \(SessionText.duration(plan.totalSeconds))\n"
        if !routine.summary.isEmpty { output += routine.summary.terminalSafe + "\n" }
        output += "\n"
        let header = ["#", "EXERCISE", "DOSE", "SIDES", "REST"]
        let rows = plan.steps.map { step in
            [
                String(step.number), step.exercise.name, SessionText.dose(of: step),
                step.sides == 2 ? "2 (each)" : "1", step.rest > 0 ? "\(step.rest) s" : "-",
            ]
        }
        output += TextTable(header: header, rows: rows).render(terminal)
        var footer: [String] = []
        if plan.options.getReady > 0 { footer.append("get ready \(plan.options.getReady) s") }
        if plan.steps.contains(where: { $0.sides == 2 }) { footer.append("side switches \(plan.options.switchSides) s") }
        footer.append("\(plan.setCount) sets")
        footer.append("total \(SessionText.duration(plan.totalSeconds))")
        output += "\n" + footer.joined(separator: " · ") + "\n"
        output += progressions()
        return output
    }

    /// Which progressions changed today's plan, what and why, and what the discomfort rule refused.
    private func progressions() -> String {
        guard !progression.progressions.isEmpty else { return "" }
        var output = "\n" + terminal.bold("Progressions") + "\n"
        for (id, describe) in progression.progressions {
            output += "  \(id.terminalSafe): \(describe.terminalSafe)\n"
            let changes = progression.changes.filter { $0.progression == id }
            if changes.isEmpty { output += "    no change today\n" }
            for change in changes {
                let why = change.reason.map { ": \($0.terminalSafe)" } ?? ""
                let line = "    \(change.refused ? "refused: " : "")step \(change.step): \(change.summary.terminalSafe)\(why)"
                output += (change.refused ? terminal.yellow(line) : line) + "\n"
            }
        }
        return output
    }

    /// The plan as `limber plan --json` prints it.
    struct JSON: Encodable {
        struct Step: Encodable {
            let step: Int
            let exercise: String
            let name: String
            let unit: String
            let amount: Int
            let seconds: Int
            let sides: Int
            let rest: Int
        }

        let id: String
        let name: String
        let phase: String
        let getReady: Int
        let switchSides: Int
        let sets: Int
        let totalSeconds: Int
        let steps: [Step]
        /// Every change each progression made, then each it asked for and was refused.
        let progressions: [ProgressionChange]
        /// The progressions that applied, in order, with their descriptions.
        let applied: [Applied]
        let problems: [String]

        struct Applied: Encodable {
            let id: String
            let describe: String
        }

        enum CodingKeys: String, CodingKey {
            case id, name, phase, sets, steps, progressions, applied, problems
            case getReady = "get_ready"
            case switchSides = "switch"
            case totalSeconds = "total_seconds"
        }

        init(_ plan: SessionPlan, progression: ProgressedRoutine) {
            progressions = progression.changes
            applied = progression.progressions.map { Applied(id: $0.id, describe: $0.describe) }
            problems = progression.problems
            id = plan.routine.id
            name = plan.routine.name
            phase = plan.routine.phase.rawValue
            getReady = plan.options.getReady
            switchSides = plan.options.switchSides
            sets = plan.setCount
            totalSeconds = plan.totalSeconds
            steps = plan.steps.map {
                Step(
                    step: $0.number, exercise: $0.exercise.id, name: $0.exercise.name, unit: $0.unit.rawValue,
                    amount: $0.amount, seconds: $0.seconds, sides: $0.sides, rest: $0.rest)
            }
        }
    }
}
