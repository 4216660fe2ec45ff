/// A value in an event's fields: what JSON lines and Lua hook tables carry.
package enum SessionEventValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case string(String)
    case boolean(Bool)
}

extension SessionEvent {
    /// The event as named fields in a fixed order, `event` first, names in snake_case.
    ///
    /// This is the one shape scripts see: `limber start --json` prints it as an object per line
    /// and `limber.on` hooks receive it as a table (both add `routine` after `event`).
    package var fields: [(name: String, value: SessionEventValue)] {
        var fields: [(String, SessionEventValue)] = [("event", .string(name))]
        func add(_ name: String, _ value: Int) { fields.append((name, .integer(value))) }
        func add(_ name: String, _ value: String) { fields.append((name, .string(value))) }
        func add(_ name: String, _ value: Bool) { fields.append((name, .boolean(value))) }
        switch self {
        case .sessionStart(let start):
            add("name", start.name)
            fields.append(("pace", .number(start.pace)))
            add("steps", start.steps)
            add("sets", start.sets)
            add("planned_seconds", start.plannedSeconds)
            add("get_ready", start.getReady)
        case .stepStart(let start):
            add("step", start.step)
            add("exercise", start.exercise)
            add("side", start.side)
            add("sides", start.sides)
            add("unit", start.unit.rawValue)
            add("amount", start.amount)
            add("seconds", start.seconds)
        case .tick(let tick):
            add("phase", tick.phase.rawValue)
            add("step", tick.step)
            add("side", tick.side)
            add("remaining", tick.remaining)
            add("seconds", tick.seconds)
        case .sideSwitch(let change):
            add("step", change.step)
            add("exercise", change.exercise)
            add("from", change.from)
            add("to", change.to)
            add("seconds", change.seconds)
        case .stepDone(let done):
            add("step", done.step)
            add("exercise", done.exercise)
            add("side", done.side)
            add("sides", done.sides)
            add("unit", done.unit.rawValue)
            add("planned", done.planned)
            add("actual", done.actual)
            add("planned_seconds", done.plannedSeconds)
            add("actual_seconds", done.actualSeconds)
            add("completed", done.completed)
            add("rest", done.rest)
        case .paused(let pause), .resumed(let pause):
            add("elapsed", pause.elapsed)
        case .sessionDone(let done):
            add("completed", done.completed)
            add("sets_completed", done.setsCompleted)
            add("sets", done.sets)
            add("planned_seconds", done.plannedSeconds)
            add("elapsed_seconds", done.elapsedSeconds)
        }
        return fields
    }
}
