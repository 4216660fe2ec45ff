import ArgumentParser
import Foundation
import LimberLua

/// `limber stub [--tests] [--output FILE] [--check FILE]`: LuaLS definitions for the `limber` API,
/// or for the globals of plugin tests.
struct StubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub",
        abstract: "Print the lua-language-server (LuaLS) definitions of the limber API.",
        discussion: """
            The file is generated from the same registration as the API itself. Point your \
            editor at the folder that holds it (.luarc.json: { "workspace.library": ["<folder>"] }) \
            to complete limber.* and check plugin tables. The repository keeps a copy at \
            meta/limber.lua, and of --tests (test, expect, clock for *_test.lua files) at \
            meta/limber_test.lua; --check FILE exits 1 when FILE is out of date.
            """
    )

    @Flag(help: "The globals of plugin tests (test, expect, clock) instead of the limber API.")
    var tests = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the stub to this file instead of printing it.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Compare with this file; exit 1 if it differs.", valueName: "file"))
    var check: String?

    func validate() throws {
        if output != nil && check != nil { throw ValidationError("use either --output or --check") }
    }

    func run() throws {
        let stub = tests ? PluginTestAPI.stub() : LuaLSStub.render()
        if let check {
            guard let data = FileManager.default.contents(atPath: check) else {
                throw LimberFailure("\(check): no such file")
            }
            guard String(decoding: data, as: UTF8.self) == stub else {
                throw LimberFailure(
                    "\(check) is out of date; regenerate it with: limber stub\(tests ? " --tests" : "") --output \(check)")
            }
            print("\(check) is up to date")
            return
        }
        guard let output else {
            print(stub, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(stub.utf8).write(to: url, options: .atomic)
        } catch {
            throw LimberFailure("\(output): cannot write: \(error.localizedDescription)")
        }
    }
}
