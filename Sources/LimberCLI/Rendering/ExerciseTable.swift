import LimberCore

/// The catalogue as an aligned table: id, name, kind, dose, sides, phase.
struct ExerciseTable {
    let exercises: [Exercise]
    let terminal: Terminal

    func render() -> String {
        guard !exercises.isEmpty else { return "no exercises match\n" }
        let header = ["ID", "NAME", "KIND", "DOSE", "SIDES", "PHASE"]
        let rows = exercises.map { exercise in
            [
                exercise.id, exercise.name, exercise.kind.rawValue, exercise.dose.summary,
                exercise.laterality.rawValue.replacingOccurrences(of: "_", with: " "),
                exercise.phase.rawValue.replacingOccurrences(of: "_", with: "-"),
            ]
        }
        return TextTable(header: header, rows: rows).render(terminal)
    }
}
