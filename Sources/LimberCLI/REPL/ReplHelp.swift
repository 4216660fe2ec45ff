import LimberLua

/// The text `help()` prints, built from `HostAPI`: the same source the installer and the LuaLS
/// stub use, so the REPL's help cannot drift from the API.
struct ReplHelp {
    var functions: [APIFunction] = HostAPI.functions
    var namespaces: [APINamespace] = HostAPI.namespaces
    var classes: [APIClass] = HostAPI.classes

    /// What the REPL's Lua side takes: `overview`, `entries` (keyed by `catalogue.find`,
    /// `catalogue` or `limber.Exercise`) and `signatures` (function path -> signature).
    var luaValue: LuaValue {
        var entries = LuaTable()
        var signatures = LuaTable()
        for function in functions {
            entries[function.path] = .string(functionText(function))
            signatures[function.path] = .string(function.signature)
        }
        for namespace in namespaceNames {
            entries[namespace] = .string(namespaceText(namespace))
        }
        for apiClass in classes {
            entries[apiClass.name] = .string(classText(apiClass))
        }
        var table = LuaTable()
        table["overview"] = .string(overview)
        table["entries"] = .table(entries)
        table["signatures"] = .table(signatures)
        return .table(table)
    }

    /// Every namespace with functions, documented ones first in their order.
    private var namespaceNames: [String] {
        var names = namespaces.map(\.name)
        for function in functions {
            if let namespace = function.namespace, !names.contains(namespace) { names.append(namespace) }
        }
        return names.filter { name in functions.contains { $0.namespace == name } }
    }

    /// `help()`: every namespace and function, one line each, then where to look next.
    var overview: String {
        var lines = ["The limber API (version \(HostAPI.version)): everything lives in the read-only table `limber`.", ""]
        let topLevel = functions.filter { $0.namespace == nil }
        if !topLevel.isEmpty {
            lines.append("limber")
            lines += listing(topLevel)
            lines.append("")
        }
        for namespace in namespaceNames {
            let summary = namespaces.first { $0.name == namespace }?.summary
            lines.append("limber.\(namespace)" + (summary.map { " - \($0)" } ?? ""))
            lines += listing(functions.filter { $0.namespace == namespace })
            lines.append("")
        }
        if !classes.isEmpty {
            lines.append("Table shapes: " + classes.map(\.name).joined(separator: ", "))
            lines.append("")
        }
        lines.append("help(limber.catalogue.find) explains one function, help(\"limber.Exercise\") one table shape.")
        lines.append(".help lists the REPL's own commands.")
        return lines.joined(separator: "\n")
    }

    private func listing(_ functions: [APIFunction]) -> [String] {
        let calls = functions.map { "\($0.name)(\($0.parameters.map(\.name).joined(separator: ", ")))" }
        let width = calls.map(\.count).max() ?? 0
        return zip(calls, functions).map { call, function in
            "  " + call.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + function.summary
        }
    }

    /// `help(limber.catalogue.find)`.
    func functionText(_ function: APIFunction) -> String {
        var lines = [function.signature, "  " + function.summary]
        if !function.parameters.isEmpty {
            lines.append("Parameters:")
            lines += table(function.parameters.map { [$0.name, $0.type, $0.summary] })
        }
        if !function.results.isEmpty {
            lines.append("Returns:")
            lines += table(function.results.map { [$0.type, $0.summary] })
        }
        if let example = function.example {
            lines.append("Example:")
            lines += example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        let types = function.parameters.map(\.type) + function.results.map(\.type)
        let mentioned = classes.map(\.name).filter { name in types.contains { mentions($0, name) } }
        if !mentioned.isEmpty {
            lines.append("See also: " + mentioned.map { "help(\"\($0)\")" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// `help(limber.catalogue)`.
    func namespaceText(_ namespace: String) -> String {
        let summary = namespaces.first { $0.name == namespace }?.summary
        var lines = ["limber.\(namespace)" + (summary.map { " - \($0)" } ?? "")]
        lines += listing(functions.filter { $0.namespace == namespace })
        return lines.joined(separator: "\n")
    }

    /// `help("limber.Exercise")`.
    func classText(_ apiClass: APIClass) -> String {
        var lines = ["\(apiClass.name) - \(apiClass.summary)"]
        lines += table(apiClass.fields.map { [$0.name, $0.type, $0.summary] })
        return lines.joined(separator: "\n")
    }

    /// Whether a LuaLS type expression names a class (`limber.Exercise[]` names `limber.Exercise`,
    /// `limber.ExerciseFilter?` does not).
    private func mentions(_ type: String, _ name: String) -> Bool {
        var rest = Substring(type)
        while let range = rest.range(of: name) {
            guard let after = rest[range.upperBound...].first else { return true }
            if !(after.isLetter || after.isNumber || after == "_") { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Rows in aligned columns; a cell wider than `widestAligned` overflows its column rather
    /// than pushing every row to the right.
    private func table(_ rows: [[String]], widestAligned: Int = 24) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in
            rows.map { $0[column].count }.filter { $0 <= widestAligned }.max() ?? 0
        }
        return rows.map { row in
            "  "
                + row.enumerated().map { column, cell in
                    column == columns - 1
                        ? cell : cell.padding(toLength: max(widths[column], cell.count), withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
        }
    }
}
