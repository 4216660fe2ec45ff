import Foundation
import LimberCore

/// Speaks the session's cues through espeak-ng, without waiting for it.
final class Speech {
    private let program: URL
    private var current: Process?

    /// The voice, or nil when espeak-ng is not on `PATH`.
    init?(environment: [String: String] = ProcessEnvironment.current) {
        guard let program = Self.find("espeak-ng", path: environment["PATH"] ?? "") else { return nil }
        self.program = program
    }

    /// The line to print when `--voice` was asked for and espeak-ng is missing.
    static let missingMessage =
        "--voice needs espeak-ng, which is not installed (Debian: apt install espeak-ng); going on without voice"

    /// Says `text`, cutting off whatever was still being said.
    func say(_ text: String) {
        if let current, current.isRunning { current.terminate() }
        let process = Process()
        process.executableURL = program
        process.arguments = ["-s", "160", TerminalSafe.spoken(text)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            current = process
        } catch {
            current = nil
        }
    }

    /// Lets the last phrase finish (for at most a few seconds).
    func finish() {
        guard let current else { return }
        let deadline = Date().addingTimeInterval(4)
        while current.isRunning, Date() < deadline { usleep(50_000) }
        if current.isRunning { current.terminate() }
    }

    /// What to say for an event, if anything.
    static func phrase(for event: SessionEvent, plan: SessionPlan) -> String? {
        switch event {
        case .sessionStart(let start):
            guard let first = plan.steps.first else { return nil }
            return start.getReady > 0 ? "Get ready. First, \(first.exercise.name)." : nil
        case .stepStart(let start):
            let step = plan.steps[start.step - 1]
            if start.side == 2 { return "Right side. \(spoken(start.amount, start.unit))." }
            var text = "\(step.exercise.name)"
            if start.sides == 2 { text += ", left side" }
            return text + ". \(spoken(start.amount, start.unit))."
        case .sideSwitch:
            return "Switch sides."
        case .stepDone(let done):
            guard done.rest > 0, done.step < plan.steps.count else { return nil }
            return "Rest. Next, \(plan.steps[done.step].exercise.name)."
        case .sessionDone(let done):
            return done.completed ? "Well done. Session complete." : "Session ended."
        case .tick, .paused, .resumed:
            return nil
        }
    }

    private static func spoken(_ amount: Int, _ unit: Dose.Unit) -> String {
        switch unit {
        case .seconds: "\(amount) seconds"
        case .reps: "\(amount) reps"
        case .breaths: "\(amount) breaths"
        }
    }

    private static func find(_ name: String, path: String) -> URL? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
