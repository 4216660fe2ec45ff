import LimberCore

/// The routines as an aligned table: id, name, phase, steps, time.
struct RoutineTable {
    let rows: [RoutineRow]
    let terminal: Terminal

    func render() -> String {
        guard !rows.isEmpty else { return "no routines; define one with limber.routine{...} in a plugin\n" }
        let header = ["ID", "NAME", "PHASE", "STEPS", "TIME"]
        let cells = rows.map { row in
            [
                row.routine.id, row.routine.name, row.routine.phase.rawValue.replacingOccurrences(of: "_", with: "-"),
                String(row.routine.steps.count), row.plan.map { SessionText.duration($0.totalSeconds) } ?? "?",
            ]
        }
        return TextTable(header: header, rows: cells).render(terminal)
    }
}
