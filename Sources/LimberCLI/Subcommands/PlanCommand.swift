import ArgumentParser
import LimberCore

/// `limber plan ROUTINE`: the steps of a routine and how long it takes, without running it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show a routine's steps and its total time.",
        discussion: "Takes the same --hold and --no-countdown as `limber start`, so the total matches what start would run."
    )

    @Argument(help: ArgumentHelp("The routine (see `limber routines`).", valueName: "routine"))
    var routine: String

    @Option(help: ArgumentHelp("Hold every timed step this many seconds instead.", valueName: "seconds"))
    var hold: Int?

    @Flag(name: .customLong("no-countdown"), help: "Plan without the get-ready countdown.")
    var noCountdown = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let (host, _) = try plugins.makeHost()
        var options = SessionPlan.Options(hold: hold)
        if noCountdown { options.getReady = 0 }
        let plan: SessionPlan
        do {
            plan = try host.plan(routine: routine, options: options)
        } catch {
            throw LimberFailure(error.description)
        }
        if json {
            print(try JSONOutput.string(PlanView.JSON(plan)))
            return
        }
        print(PlanView(plan: plan, terminal: Terminal()).render(), terminator: "")
    }
}
