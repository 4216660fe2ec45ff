import ArgumentParser
import LimberCore

/// `limber routines`: the routines plugins define.
struct RoutinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routines",
        abstract: "List the routines you can start.",
        discussion: "Routines come from plugins (limber.routine{...}): the shipped ones, yours, and --plugins folders."
    )

    @Flag(help: "Print a JSON array of routines.")
    var json = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let (host, _) = try plugins.makeHost()
        let rows = host.sessions.routines.all.map { routine in
            RoutineRow(routine: routine, plan: try? SessionPlan(routine: routine, catalogue: host.catalogue))
        }
        if json {
            print(try JSONOutput.string(rows))
            return
        }
        print(RoutineTable(rows: rows, terminal: Terminal()).render(), terminator: "")
    }
}

/// One routine as `limber routines` lists it.
struct RoutineRow: Encodable {
    let routine: Routine
    let plan: SessionPlan?

    enum CodingKeys: String, CodingKey {
        case id, name, phase, summary, steps, sets, source
        case totalSeconds = "total_seconds"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(routine.id, forKey: .id)
        try container.encode(routine.name, forKey: .name)
        try container.encode(routine.phase.rawValue, forKey: .phase)
        try container.encode(routine.summary, forKey: .summary)
        try container.encode(routine.steps.count, forKey: .steps)
        try container.encodeIfPresent(plan?.setCount, forKey: .sets)
        try container.encodeIfPresent(plan?.totalSeconds, forKey: .totalSeconds)
        try container.encode(routine.source, forKey: .source)
    }
}
