import LimberCore
import LimberLua

/// The lines `limber test` prints for each file and each result.
struct TestReport {
    let terminal: Terminal

    /// A file's heading, or one result: `ok   name`, or `FAIL name` and what differed, indented.
    func render(_ event: PluginTestRunner.Event) -> String {
        switch event {
        case .file(let file):
            return terminal.bold(file.terminalSafe) + "\n"
        case .result(let result):
            guard let failure = result.failure else {
                return "  " + terminal.green(terminal.colour ? "✓   " : "ok  ") + " " + result.name.terminalSafe + "\n"
            }
            var text = "  " + terminal.red(terminal.colour ? "✗   " : "FAIL") + " " + result.name.terminalSafe + "\n"
            let lines = failure.message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + failure.detail
            for line in lines {
                text += "       " + line.terminalSafe + "\n"
            }
            return text
        }
    }
}
