import LimberCore

/// The catalogue as an aligned table: id, name, kind, dose, sides, phase.
struct ExerciseTable {
    let exercises: [Exercise]
    let terminal: Terminal

    func render() -> String {
        guard !exercises.isEmpty else { return "no exercises match\n" }
        let header = ["ID", "NAME", "KIND", "DOSE", "SIDES", "PHASE"]
        let rows = exercises.map { exercise in
            [exercise.id, exercise.name, exercise.kind.rawValue, exercise.dose.summary,
             exercise.laterality.rawValue.replacingOccurrences(of: "_", with: " "),
             exercise.phase.rawValue.replacingOccurrences(of: "_", with: "-")]
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var output = terminal.bold(line(header)) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}
