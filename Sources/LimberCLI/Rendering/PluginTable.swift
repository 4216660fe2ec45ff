import LimberCore
import LimberLua

/// Plugin reports as a readable list: one block per plugin.
struct PluginTable {
    let reports: [PluginReport]
    let terminal: Terminal

    func render() -> String {
        guard !reports.isEmpty else { return "no plugins found\n" }
        var out = ""
        for report in reports {
            let status: String
            switch report.status {
            case .loaded: status = terminal.green("loaded")
            case .failed: status = terminal.red("failed")
            }
            out +=
                terminal.bold(report.plugin.name.terminalSafe) + "  " + status + "  "
                + terminal.dim(report.plugin.displayPath.terminalSafe) + "\n"
            if !report.defines.isEmpty {
                out += "  defines: " + report.defines.joined(separator: ", ").terminalSafe + "\n"
            }
            if !report.needs.isEmpty {
                let missing = report.needs.filter { !report.granted.contains($0) }
                var line = "  needs: " + report.needs.joined(separator: ", ").terminalSafe
                line +=
                    missing.isEmpty
                    ? " (granted)" : " (not granted: \(missing.joined(separator: ", ").terminalSafe); grant in config.lua)"
                out += line + "\n"
            } else {
                out += "  grants: none (sandboxed)\n"
            }
            if let file = report.grantedFile {
                out += "  granted to: " + file + "\n"
            }
            if let note = report.grantNote {
                out += "  " + terminal.yellow("grant not applied: " + note) + "\n"
            }
            if case .failed(let message) = report.status {
                out += "  error: " + terminal.red(message.terminalSafeLines) + "\n"
            }
        }
        return out
    }
}
