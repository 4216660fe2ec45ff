import Foundation
import LimberCore

/// A guided session as JSON lines: one object per event, `event` then `routine` first.
final class JSONSessionRenderer: SessionRenderer {
    private let write: (String) -> Void
    private let writeNote: (String) -> Void
    private var routine = ""

    init(write: @escaping (String) -> Void, note: @escaping (String) -> Void) {
        self.write = write
        self.writeNote = note
    }

    func begin(plan: SessionPlan, pace: Double) {
        routine = plan.routine.id
    }

    func render(_ event: SessionEvent) {
        write(Self.line(for: event, routine: routine) + "\n")
    }

    func note(_ message: String) {
        writeNote("limber: \(message.terminalSafeLines)\n")
    }

    func end() {}

    /// Hook output goes with the notes (stderr), so standard output stays one JSON object a line.
    func output(_ text: String) {
        writeNote(text)
    }

    /// One event as a JSON object on one line.
    static func line(for event: SessionEvent, routine: String) -> String {
        var fields = event.fields
        fields.insert(("routine", .string(routine)), at: 1)
        let members = fields.map { name, value in "\(LineJSON.quote(name)):\(json(value))" }
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func json(_ value: SessionEventValue) -> String {
        switch value {
        case .integer(let integer): return String(integer)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): return LineJSON.quote(text)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }
}
