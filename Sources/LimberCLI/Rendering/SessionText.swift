import LimberCore

/// Words and numbers of a guided session as people read them.
enum SessionText {
    /// `45 s` under a minute, `7:39` from a minute up.
    static func duration(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        if seconds < 60 { return "\(seconds) s" }
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        let rest = seconds % 60
        let mmss = (minutes < 10 && hours > 0 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }

    /// A dose: `45 s`, `8 breaths`, `1 rep`.
    static func dose(_ amount: Int, _ unit: Dose.Unit) -> String {
        switch unit {
        case .seconds: return "\(amount) s"
        case .reps: return amount == 1 ? "1 rep" : "\(amount) reps"
        case .breaths: return amount == 1 ? "1 breath" : "\(amount) breaths"
        }
    }

    /// The dose of a planned step, per side: `45 s`, `8 breaths (40 s)`.
    static func dose(of step: SessionPlan.Step) -> String {
        step.unit == .seconds ? dose(step.amount, .seconds) : "\(dose(step.amount, step.unit)) (\(step.seconds) s)"
    }

    /// `left side` or `right side` for a two-sided step; nil for one side.
    static func side(_ side: Int, of sides: Int) -> String? {
        guard sides == 2 else { return nil }
        return side == 1 ? "left side" : "right side"
    }

    /// The pace as shown on screen: `pace ×20`, `pace ×0.5`.
    static func pace(_ pace: Double) -> String {
        let number = pace == pace.rounded() ? String(Int(pace)) : String(pace)
        return "pace ×\(number)"
    }
}
