import LimberCore

/// One exercise as a readable card.
struct ExerciseCard {
    let exercise: Exercise
    let terminal: Terminal

    /// The card; every field from the exercise shows its control characters made visible.
    func render() -> String {
        let e = exercise
        var out = terminal.bold(e.name.terminalSafe) + "  " + terminal.dim(e.id.terminalSafe) + "\n"
        if !e.aliases.isEmpty { out += terminal.dim("also: " + e.aliases.joined(separator: ", ").terminalSafe) + "\n" }
        out += "\n"
        let sides: String
        switch e.laterality {
        case .bilateral: sides = "both sides at once"
        case .perSide: sides = "each side in turn, full dose per side"
        case .alternating: sides = "alternating sides"
        }
        let facts: [(String, String)] = [
            ("Dose", e.dose.summary),
            ("Sides", sides),
            ("Kind", e.kind.rawValue),
            ("Position", e.position.rawValue.replacingOccurrences(of: "_", with: "-")),
            ("Phase", e.phase.rawValue.replacingOccurrences(of: "_", with: "-")),
            ("Regions", e.regions.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")),
            ("Muscles", e.muscles.joined(separator: ", ")),
            ("Equipment", e.equipment.isEmpty ? "none" : e.equipment.joined(separator: ", ")),
        ]
        for (label, value) in facts where !value.isEmpty {
            out += terminal.bold(label.padding(toLength: 10, withPad: " ", startingAt: 0)) + value.terminalSafe + "\n"
        }
        out += section("How", e.instructions, numbered: true)
        out += section("Cues", e.cues)
        out += section("Benefits", e.benefits)
        out += section("Cautions", e.cautions, highlight: true)
        out += "\n" + terminal.dim("Source: \(e.source.terminalSafe)") + "\n"
        return out
    }

    private func section(_ title: String, _ lines: [String], numbered: Bool = false, highlight: Bool = false) -> String {
        guard !lines.isEmpty else { return "" }
        var out = "\n" + terminal.bold(highlight ? terminal.yellow(title) : title) + "\n"
        for (index, line) in lines.enumerated() {
            out += (numbered ? "  \(index + 1). " : "  • ") + line.terminalSafe + "\n"
        }
        return out
    }
}
