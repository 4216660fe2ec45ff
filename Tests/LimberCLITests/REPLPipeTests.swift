import Foundation
import LimberCore
import LimberTestSupport
import Testing

/// The REPL scripted through a pipe: no prompts, values on stdout, errors on stderr, and an
/// exit code that says whether any statement failed.
@Suite("REPL through a pipe")
struct REPLPipeTests {
    let home: TemporaryFolder
    let limber: LimberProcess

    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""], workingDirectory: home.url)
    }

    func repl(_ input: String, _ arguments: [String] = []) throws -> LimberProcess.Result {
        try limber.run(["repl"] + arguments, stdin: input)
    }

    @Test func expressionsPrintTheirValuesAndStatementsNothing() throws {
        let result = try repl(
            """
            x = 40 + 2
            x
            return x, "two\\nlines", nil
            1.5
            math.type(3)
            x == 42
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "42\n42\t\"two\\nlines\"\tnil\n1.5\n\"integer\"\ntrue\n")
    }

    @Test func underscoreHoldsTheLastResult() throws {
        let result = try repl(
            """
            6 * 7
            _ + 1
            x = 1
            _
            """)
        #expect(result.stdout == "42\n43\n43\n", "a statement without results leaves _ alone")
    }

    @Test func multiLineInputContinuesUntilTheChunkIsComplete() throws {
        let result = try repl(
            """
            for i = 1, 3 do
              io.write(i, " ")
            end
            print()
            local function square(n)
              return n * n
            end
            {
              1,
              2,
            }
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1 2 3 \n{ 1, 2 }\n")
    }

    @Test func tablesPrintSortedIndentedWithCyclesAndADepthLimit() throws {
        let result = try repl(
            """
            t = { 3, 1, zeta = true, alpha = "a", ["two words"] = 2, [10] = "ten" }
            t
            t.self = t
            t.inner = { back = t, list = { "x", "y" } }
            t
            { a = { b = { c = { d = { e = {} } } } } }
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let outputs = result.stdout.components(separatedBy: "\n")
        #expect(outputs[0] == #"{ 3, 1, [10] = "ten", alpha = "a", ["two words"] = 2, zeta = true }"#)
        #expect(
            result.stdout.contains(
                """
                <1>{
                  3,
                  1,
                  [10] = "ten",
                  alpha = "a",
                  inner = { back = <cycle 1>, list = { "x", "y" } },
                  self = <cycle 1>,
                  ["two words"] = 2,
                  zeta = true
                }
                """))
        #expect(result.stdout.hasSuffix("{ a = { b = { c = { d = {...} } } } }\n"))
    }

    @Test func apiProxiesAndFunctionsPrintByName() throws {
        let result = try repl(
            """
            limber.catalogue
            limber.catalogue.find
            print
            string.format
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                <limber.catalogue> {
                  add = <function limber.catalogue.add(exercise)>,
                  all = <function limber.catalogue.all()>,
                  find = <function limber.catalogue.find(filter)>,
                  get = <function limber.catalogue.get(id)>
                }
                <function limber.catalogue.find(filter)>
                <function print>
                <function string.format>

                """)
    }

    @Test func raisingMetamethodsAreShownNotRaised() throws {
        let result = try repl(
            """
            setmetatable({}, { __tostring = function() return "Vector(1, 2)" end })
            setmetatable({}, { __pairs = function() error("no pairs here") end })
            setmetatable({}, { __tostring = function() error("no text") end }) ~= nil
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Vector(1, 2)\n{ <pairs failed: repl:1: no pairs here> }\ntrue\n")
    }

    @Test func anErrorNamesTheLineAndTheREPLGoesOn() throws {
        let result = try repl(
            """
            local ok = 1
            for i = 1, 2 do
              if i == 2 then error("second pass") end
            end
            print("still here")
            nosuch.field
            1 +
            """)
        #expect(result.status == 1)
        #expect(result.stdout == "still here\n")
        let lines = result.stderr.components(separatedBy: "\n")
        #expect(lines.first == "repl:2: second pass", "lines count from the chunk's first line")
        #expect(result.stderr.contains("repl:1: attempt to index a nil value (global 'nosuch')"))
        #expect(result.stderr.hasSuffix("repl:1: unexpected symbol near <eof>\n"), "an unfinished chunk at the end is an error")
    }

    @Test func errorsInsideFunctionsShowATraceback() throws {
        let result = try repl(
            """
            function inner() error("deep") end
            function outer() inner() end
            outer()
            local x = outer()
            """)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("repl:1: deep\nstack traceback:\n"))
        #expect(result.stderr.contains("repl:1: in function 'inner'\n"))
        #expect(result.stderr.contains("repl:1: in function 'outer'\nrepl:1: deep\n"), "an expression's call is a tail call")
        #expect(result.stderr.hasSuffix("repl:1: in function 'outer'\n\trepl:1: in main chunk\n"))
        #expect(!result.stderr.contains("limber.repl"), "the REPL's own frames are not shown")
        #expect(!result.stderr.contains("tail calls"))
    }

    @Test func syntaxErrorsAreReportedAndCounted() throws {
        let result = try repl("x = = 1\nprint('after')\n")
        #expect(result.status == 1)
        #expect(result.stderr == "repl:1: unexpected symbol near '='\n")
        #expect(result.stdout == "after\n")
    }

    @Test func osExitEndsTheREPLWithItsCode() throws {
        let result = try repl("print('a')\nos.exit(4)\nprint('b')\n")
        #expect(result.status == 4)
        #expect(result.stdout == "a\n")
    }

    @Test func helpPrintsTheAPIDocumentation() throws {
        let result = try repl(
            """
            help()
            help(limber.catalogue.find)
            help("limber.Exercise")
            help(limber.catalogue)
            help(print)
            """)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The limber API (version 1)"))
        #expect(result.stdout.contains("limber.catalogue - The exercise catalogue"))
        #expect(result.stdout.contains("  find(filter)   The exercises that match every given field of the filter."))
        #expect(
            result.stdout.contains(
                """
                limber.catalogue.find(filter)
                  The exercises that match every given field of the filter.
                Parameters:
                  filter  limber.ExerciseFilter?  fields to match; omit one to match all
                Returns:
                  limber.Exercise[]  matching exercises, in catalogue order
                Example:
                  limber.catalogue.find{ phase = 'cooldown', kind = 'static' }
                See also: help("limber.Exercise"), help("limber.ExerciseFilter")
                """))
        #expect(result.stdout.contains("limber.Exercise - One movement in the catalogue.\n  id "))
        #expect(result.stdout.contains("no help for <function print>: it is not part of the limber API"))
    }

    @Test func dotCommandsWork() throws {
        try home.write("numbers.lua", "local n = 20\nreturn n + 1, 'from a file'\n")
        try home.write("broken.lua", "local x = 1\nerror('broken file')\n")
        let result = try repl(
            """
            .help
            .exercises
            .load numbers.lua
            .load broken.lua
            .load missing.lua
            .5 + 1
            .nonsense
            .exit 3
            print("not reached")
            """)
        #expect(result.status == 3)
        #expect(result.stdout.contains(".reload        reload the plugins"))
        #expect(result.stdout.contains("ID "))
        for exercise in Catalogue.builtin.all { #expect(result.stdout.contains(exercise.id)) }
        #expect(result.stdout.contains("21\t\"from a file\"\n"))
        #expect(result.stdout.contains("1.5\n"), "a line starting with a dot and a digit is Lua")
        #expect(!result.stdout.contains("not reached"))
        #expect(result.stderr.contains("broken.lua:2: broken file"))
        #expect(result.stderr.contains("missing.lua: no such file"))
        #expect(result.stderr.contains("unknown command '.nonsense'"))
    }

    @Test func reloadMakesAFreshStateWithThePluginsLoadedAgain() throws {
        let plugin = try home.write(
            "plugins/stretch.lua",
            "limber.catalogue.add{ id = 'first-stretch', name = 'First', kind = 'static', position = 'standing', laterality = 'bilateral', phase = 'anytime', dose = { unit = 'seconds', min = 10, max = 20, default = 10 }, regions = { 'hips' } }\n"
        )
        let folder = plugin.deletingLastPathComponent().path
        let result = try repl(
            """
            kept = "a global"
            limber.catalogue.get("first-stretch").name
            do
              local source = io.open("\(plugin.path)"):read("a")
              local file = io.open("\(plugin.path)", "w")
              file:write((source:gsub("first", "second")))
              file:close()
            end
            .reload
            kept
            limber.catalogue.get("second-stretch").name
            """, ["--plugins", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\"First\"\nreloaded 1 plugin; globals are reset\nnil\n\"First\"\n")
    }

    @Test func noArgumentsWithoutATerminalPrintsHelp() throws {
        let result = try limber.run([])
        #expect(result.stdout.contains("USAGE"))
        #expect(result.stdout.contains("repl"))
    }
}
