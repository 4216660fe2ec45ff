import ArgumentParser
import LimberCore

/// `limber show ID`: one exercise as a card.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one exercise: how to do it, the dose, sides, cues and cautions."
    )

    @Argument(help: "The exercise's id, alias or name (e.g. cat-cow, \"child's pose\").")
    var id: String

    @Flag(help: "Print the exercise record as JSON.")
    var json = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let (host, _) = try plugins.makeHost()
        let exercise: Exercise
        do {
            exercise = try host.catalogue.require(id)
        } catch {
            throw LimberFailure(error.description)
        }
        if json {
            print(try JSONOutput.string(exercise))
        } else {
            print(ExerciseCard(exercise: exercise, terminal: Terminal()).render(), terminator: "")
        }
    }
}
