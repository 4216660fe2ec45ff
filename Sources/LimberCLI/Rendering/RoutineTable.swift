import LimberCore

/// The routines as an aligned table: id, name, phase, steps, time.
struct RoutineTable {
    let rows: [RoutineRow]
    let terminal: Terminal

    func render() -> String {
        guard !rows.isEmpty else { return "no routines; define one with limber.routine{...} in a plugin\n" }
        let header = ["ID", "NAME", "PHASE", "STEPS", "TIME"]
        let cells = rows.map { row in
            [row.routine.id, row.routine.name, row.routine.phase.rawValue.replacingOccurrences(of: "_", with: "-"),
             String(row.routine.steps.count), row.plan.map { SessionText.duration($0.totalSeconds) } ?? "?"]
        }
        let widths = header.indices.map { column in
            ([header[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                column == values.count - 1 ? value : value.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var output = terminal.bold(line(header)) + "\n"
        for row in cells { output += line(row) + "\n" }
        return output
    }
}
