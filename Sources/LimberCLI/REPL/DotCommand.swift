/// A REPL command: a line that starts with a dot and a letter (`.5 + 1` stays Lua).
enum DotCommand: Equatable {
    case help
    case exercises
    case reload
    case load(path: String)
    case exit(code: Int32)
    /// A command that does not exist, or was given bad arguments: the message says which.
    case invalid(String)

    /// What `.help` prints.
    static let summary = """
        .help          this list
        .exercises     the exercise catalogue (built-in and from plugins)
        .reload        reload the plugins into a fresh Lua state (your globals are reset)
        .load FILE     run a Lua file here and print what it returns
        .exit [CODE]   leave (Ctrl-D on an empty line also leaves)
        help()         the limber API; help(limber.catalogue.find) for one function
        Ctrl-C cancels the line being typed, or stops the code that is running.
        """

    /// The command on a line, or nil when the line is Lua.
    static func parse(_ line: String) -> DotCommand? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("."), let letter = text.dropFirst().first, letter.isLetter else { return nil }
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case "help":
            return .help
        case "exercises":
            return .exercises
        case "reload":
            return .reload
        case "load":
            let path = unquoted(argument)
            return path.isEmpty ? .invalid("usage: .load FILE") : .load(path: path)
        case "exit", "quit":
            if argument.isEmpty { return .exit(code: 0) }
            guard let code = Int32(argument) else { return .invalid("usage: .exit [CODE] (CODE is a number)") }
            return .exit(code: code)
        default:
            return .invalid("unknown command '.\(name)' (.help lists the commands)")
        }
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
