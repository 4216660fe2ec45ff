/// `limber run FILE ARGS...` without argument-parser's walk of the whole command tree.
///
/// Parsing with the full tree reflects over every command and option and checks each input for
/// a completion-script request: the largest part of a `limber run` start. In the common shape,
/// `run` then a script path, the parser's answer is known: everything after the file is the
/// script's (`captureForPassthrough`, `--help` and `--plugins` included) and no option is set.
/// Any other shape (an option before the file, `-` for standard input, a completion request
/// anywhere) goes to the full parser. A test checks that both give the same command.
enum RunCommandShortcut {
    /// What the command the full parser would make from `arguments` runs, when they have the
    /// plain shape; nil otherwise.
    static func command(for arguments: [String]) -> ScriptRun? {
        guard arguments.count >= 2, arguments[0] == RunCommand.configuration.commandName else { return nil }
        let file = arguments[1]
        guard !file.isEmpty, !file.hasPrefix("-") else { return nil }
        // The parser looks for these anywhere, passthrough or not.
        guard !arguments.contains(where: { $0.hasPrefix("---") || $0.hasPrefix("--generate-completion-script") })
        else { return nil }
        return ScriptRun(file: file, arguments: Array(arguments.dropFirst(2)), pluginFolders: [])
    }
}
