import ArgumentParser
import LimberCore

/// `limber exercises`: the catalogue, filtered.
struct ExercisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercises in the catalogue.",
        discussion: "Filters combine: every given filter must match."
    )

    @Option(help: "Only exercises that work this region (e.g. lower_back, hips, calves).")
    var region: String?

    @Option(help: ArgumentHelp("Only this phase.", valueName: Exercise.Phase.allCases.map(\.rawValue).joined(separator: "|")))
    var phase: Exercise.Phase?

    @Option(help: ArgumentHelp("Only this kind.", valueName: "static|dynamic"))
    var kind: Exercise.Kind?

    @Option(help: ArgumentHelp("Only this starting position.", valueName: "position"))
    var position: Exercise.Position?

    @Flag(help: "Print a JSON array of exercise records.")
    var json = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let (host, _) = try plugins.makeHost()
        let filter = Catalogue.Filter(region: region, phase: phase, kind: kind, position: position)
        let exercises = host.catalogue.find(filter)
        if json {
            print(try JSONOutput.string(exercises))
            return
        }
        print(ExerciseTable(exercises: exercises, terminal: Terminal()).render(), terminator: "")
    }
}

extension Exercise.Phase: ExpressibleByArgument {}
extension Exercise.Kind: ExpressibleByArgument {}
extension Exercise.Position: ExpressibleByArgument {}
