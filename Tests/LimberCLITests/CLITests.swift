import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("limber command line", .serialized)
struct CLITests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
    }

    @Test func exercisesListsTheCatalogueAndFilters() throws {
        let all = try limber.run(["exercises"])
        #expect(all.status == 0)
        for exercise in Catalogue.builtin.all { #expect(all.stdout.contains(exercise.id)) }
        let cooldown = try limber.run(["exercises", "--phase", "cooldown", "--json"])
        #expect(cooldown.status == 0)
        let records = try JSONDecoder().decode([Exercise].self, from: Data(cooldown.stdout.utf8))
        #expect(records.map(\.id) == Catalogue.builtin.find(.init(phase: .cooldown)).map(\.id))
        #expect(records.count == 7)
    }

    @Test func badFilterValueIsAClearError() throws {
        let result = try limber.run(["exercises", "--phase", "lunch"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lunch"))
    }

    @Test func showPrintsACardAndJSON() throws {
        let card = try limber.run(["show", "figure-four-stretch"])
        #expect(card.status == 0)
        let exercise = try #require(Catalogue.builtin.get("figure-four-stretch"))
        #expect(card.stdout.contains(exercise.name))
        #expect(card.stdout.contains(exercise.dose.summary))
        for cue in exercise.cues { #expect(card.stdout.contains(cue)) }
        for caution in exercise.cautions { #expect(card.stdout.contains(caution)) }
        #expect(!card.stdout.contains("\u{1B}["), "no colour when not a TTY")
        let json = try limber.run(["show", "cat-cow", "--json"])
        let decoded = try JSONDecoder().decode(Exercise.self, from: Data(json.stdout.utf8))
        #expect(decoded == Catalogue.builtin.get("cat-cow"))
    }

    @Test func showUnknownIDNamesTheClosestMatch() throws {
        let result = try limber.run(["show", "downward-dgo"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "limber: unknown exercise 'downward-dgo' (did you mean 'downward-dog'?)\n")
    }

    @Test func runPassesArgumentsAndSucceeds() throws {
        let script = try home.write(
            "hello.lua",
            """
            local n = #limber.catalogue.all()
            print(arg[0], arg[1], arg[2], select('#', ...), n)
            """)
        let result = try limber.run(["run", script.path, "one", "--two"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(script.path)\tone\t--two\t2\t\(Catalogue.builtin.all.count)\n")
    }

    @Test func runReportsErrorsWithFileAndLine() throws {
        try home.write("broken.lua", "local x = 1\nerror('the script broke')\n")
        let process = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""], workingDirectory: home.url)
        let result = try process.run(["run", "broken.lua"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("broken.lua:2: the script broke\nstack traceback:"))
        let syntax = try home.write("syntax.lua", "local = 1\n")
        let bad = try process.run(["run", syntax.lastPathComponent])
        #expect(bad.status == 1)
        #expect(bad.stderr == "limber: syntax.lua:1: <name> expected near '='\n")
        let missing = try process.run(["run", "nope.lua"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "limber: nope.lua: no such file\n")
    }

    @Test func runHonoursOsExit() throws {
        let script = try home.write("exit.lua", "print('before')\nos.exit(7)\nprint('after')\n")
        let result = try limber.run(["run", script.path])
        #expect(result.status == 7)
        #expect(result.stdout == "before\n")
        let ok = try home.write("exit0.lua", "os.exit(true)")
        #expect(try limber.run(["run", ok.path]).status == 0)
    }

    @Test func versionHelpAndCompletions() throws {
        let version = try limber.run(["--version"])
        #expect(version.stdout == LimberVersion.string + "\n")
        for command in ["exercises", "show", "run"] {
            let help = try limber.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"))
        }
        for shell in ["bash", "zsh", "fish"] {
            let script = try limber.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("exercises"))
        }
    }
}
