import ArgumentParser
import LimberCore

/// `limber`: the root command; every subcommand lives in `Subcommands/`, one per file.
package struct LimberCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "limber",
        abstract: "A mobility toolkit for runners: guided routines, a session log, and Lua plugins.",
        discussion: """
            Exercises come from a built-in catalogue (a physical therapist's cool-down for runners \
            with lower back pain, and the stretches around it) and from Lua plugins.

            Files live under $XDG_CONFIG_HOME, $XDG_DATA_HOME and $XDG_STATE_HOME (in a \
            'limber' folder each); set LIMBER_HOME to keep them all in one folder instead.

            Shell completion: limber --generate-completion-script bash|zsh|fish
            """,
        version: LimberVersion.string,
        subcommands: [
            ExercisesCommand.self,
            ShowCommand.self,
            RoutinesCommand.self,
            PlanCommand.self,
            StartCommand.self,
            RunCommand.self,
            PluginsCommand.self,
            LogCommand.self,
            StatsCommand.self,
            RunsCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            RemindCommand.self,
            CronCommand.self,
            CalendarCommand.self,
            StubCommand.self,
            TestCommand.self,
            ReplCommand.self,
        ]
    )

    package init() {}
}
