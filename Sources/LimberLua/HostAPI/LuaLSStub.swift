/// The LuaLS (lua-language-server) definition file for the `limber` API, generated from `HostAPI`.
///
/// The output is a `---@meta` file: editors that load it complete `limber.*`, show each
/// function's summary, parameters, results and example, and check the table shapes
/// (`limber.Exercise`, ...). It is a pure function of the registration, so the copy committed at
/// `meta/limber.lua` can be regenerated and compared.
package enum LuaLSStub {
    /// The repository path of the committed stub.
    package static let committedPath = "meta/limber.lua"

    /// The command that regenerates the committed stub, for messages.
    package static let regenerateCommand = "swift run limber stub --output meta/limber.lua"

    /// The stub for the registered API.
    package static func render() -> String {
        render(
            version: HostAPI.version, namespaces: HostAPI.namespaces, functions: HostAPI.functions,
            classes: HostAPI.classes)
    }

    /// The stub for an API described by these lists (each in documentation order).
    package static func render(
        version: Int, namespaces: [APINamespace], functions: [APIFunction], classes: [APIClass]
    ) -> String {
        var out = StubWriter()
        out.line("---@meta limber")
        out.line()
        out.line("-- The limber host API, version \(version), for lua-language-server.")
        out.line("-- Generated from the host API registration (Sources/LimberLua/HostAPI); do not edit.")
        out.line("-- Regenerate with: \(regenerateCommand)")
        out.line()

        out.doc("The limber host API (version \(version)). Read-only: plugins call it, never assign to it.")
        out.line("---@class limber")
        out.line("---@field api_version integer the host API version (\(version))")
        out.line("---@field version string limber's version")
        out.line("limber = {}")

        for namespace in orderedNamespaces(namespaces, functions: functions) {
            out.line()
            out.doc(namespace.summary)
            out.line("---@class limber.\(namespace.name)")
            out.line("limber.\(namespace.name) = {}")
        }

        for function in functions {
            out.line()
            renderFunction(
                "limber.\(function.path)", summary: function.summary, parameters: function.parameters,
                results: function.results, example: function.example, into: &out)
        }

        for type in classes {
            out.line()
            renderClass(type, into: &out)
        }
        return out.text
    }

    /// `---` lines for a function's summary, example, parameters and results, then its declaration.
    static func renderFunction(
        _ name: String, summary: String, parameters: [APIField], results: [APIFunction.Result], example: String?,
        into out: inout StubWriter
    ) {
        out.doc(summary)
        if let example, !example.isEmpty {
            out.line("---")
            out.line("---```lua")
            for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
                out.line("---\(line)")
            }
            out.line("---```")
        }
        for parameter in parameters {
            if parameter.name == "..." {
                out.line("---@param ... \(parameter.type)\(describe(parameter.summary, after: parameter.type))")
            } else {
                let (optional, type) = optionalForm(parameter.type)
                out.line("---@param \(parameter.name)\(optional ? "?" : "") \(type)\(describe(parameter.summary, after: type))")
            }
        }
        for result in results {
            out.line("---@return \(result.type)\(result.summary.isEmpty ? "" : " # " + oneLine(result.summary))")
        }
        out.line("function \(name)(\(parameters.map(\.name).joined(separator: ", "))) end")
    }

    /// A `---@class` with its summary and `---@field` lines.
    static func renderClass(_ type: APIClass, into out: inout StubWriter) {
        out.doc(type.summary)
        out.line("---@class \(type.name)")
        for field in type.fields {
            let (optional, fieldType) = optionalForm(field.type)
            out.line("---@field \(field.name)\(optional ? "?" : "") \(fieldType)\(describe(field.summary, after: fieldType))")
        }
    }

    /// The declared namespaces in order, then any a function uses without a declaration, with
    /// every parent (`a` for `a.b`) before its children.
    static func orderedNamespaces(_ declared: [APINamespace], functions: [APIFunction]) -> [APINamespace] {
        var result: [APINamespace] = []
        var seen: Set<String> = []
        func add(_ namespace: APINamespace) {
            var parents: [String] = []
            var name = Substring(namespace.name)
            while let dot = name.lastIndex(of: ".") {
                name = name[..<dot]
                parents.insert(String(name), at: 0)
            }
            for parent in parents where !seen.contains(parent) {
                seen.insert(parent)
                result.append(declared.first { $0.name == parent } ?? APINamespace(parent, summary: ""))
            }
            guard !seen.contains(namespace.name) else { return }
            seen.insert(namespace.name)
            result.append(namespace)
        }
        declared.forEach(add)
        for function in functions {
            if let namespace = function.namespace { add(APINamespace(namespace, summary: "")) }
        }
        return result
    }

    /// `string?` as an optional `string`, and `(fun(): boolean)?` as an optional function; a
    /// trailing `?` that belongs to a function's result (`fun(): string?`) stays where it is.
    static func optionalForm(_ type: String) -> (optional: Bool, type: String) {
        guard type.hasSuffix("?") else { return (false, type) }
        let inner = type.dropLast()
        if !inner.contains("fun(") { return (true, String(inner)) }
        guard inner.hasPrefix("("), inner.hasSuffix(")") else { return (false, type) }
        // The outer parentheses must enclose everything: depth stays above zero until the end.
        var depth = 0
        for (offset, character) in inner.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && offset < inner.count - 1 { return (false, type) }
        }
        return (true, String(inner.dropFirst().dropLast()))
    }

    /// The description after a type; after a function type it starts with `#`, so the words
    /// cannot be read as part of the function's results.
    private static func describe(_ summary: String, after type: String) -> String {
        guard !summary.isEmpty else { return "" }
        return (type.contains("fun(") ? " # " : " ") + oneLine(summary)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// Lines of a generated Lua file.
struct StubWriter {
    private(set) var text = ""

    mutating func line(_ content: String = "") {
        text += content + "\n"
    }

    /// A `---` description, one comment line per line of text.
    mutating func doc(_ summary: String) {
        guard !summary.isEmpty else { return }
        for line in summary.split(separator: "\n", omittingEmptySubsequences: false) {
            self.line("---\(line)")
        }
    }
}
