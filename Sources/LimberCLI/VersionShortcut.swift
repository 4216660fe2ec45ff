/// `limber --version` without argument-parser's walk of the whole command tree.
///
/// The parser's answer to `--version` alone is the root command's version on standard output
/// and exit code 0; finding that out took it longer than a whole `limber run` of a one-line
/// script. Any other shape (`--version` beside anything else) goes to the parser. A test checks
/// that both print the same.
enum VersionShortcut {
    /// The text the parser would print for `arguments`, when they ask for the version alone.
    static func text(for arguments: [String]) -> String? {
        arguments == ["--version"] ? LimberCommand.configuration.version : nil
    }
}
