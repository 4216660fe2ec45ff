import ArgumentParser
import LimberCore
import LimberLua

/// `limber plan ROUTINE`: the steps of a routine and how long it takes, without running it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show a routine's steps and its total time.",
        discussion: """
            Shows today's plan: the routine after its progressions, with which progression changed \
            what and why. Takes the same --hold and --no-countdown as `limber start`, so the total \
            matches what start would run.
            """
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
        let today: (plan: SessionPlan, progression: ProgressedRoutine)
        do {
            today = try host.todaysPlan(routine: routine, options: options)
        } catch {
            throw LimberFailure(error.description)
        }
        for problem in today.progression.problems { Terminal.standardError.write("limber: \(problem.terminalSafeLines)\n") }
        if json {
            print(try JSONOutput.string(PlanView.JSON(today.plan, progression: today.progression)))
            return
        }
        print(PlanView(plan: today.plan, progression: today.progression, terminal: Terminal()).render(), terminator: "")
    }
}
