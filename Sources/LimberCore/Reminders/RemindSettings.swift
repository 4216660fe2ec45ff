/// How reminders reach the person, from config.lua's `remind = {...}`; the command line's
/// `--notify` and `--command` override `deliver`.
///
/// ```lua
/// remind = {
///   deliver = "desktop",                         -- or "stdout", or { command = { "notify-me", "--loud" } }
///   terminal = { "foot", "-e" },                 -- what the notification's "Start" runs limber start in
/// }
/// ```
package struct RemindSettings: Sendable, Equatable {
    /// Where messages go, unless the command line says.
    package var deliver: DeliveryBackend?
    /// The terminal command "Start" opens, the `limber start ROUTINE` words appended.
    package var terminal: [String]?

    package init(deliver: DeliveryBackend? = nil, terminal: [String]? = nil) {
        self.deliver = deliver
        self.terminal = terminal
    }

    /// A command given as words, as one command line that `CommandWords.split` reads back into
    /// the same words (each word single-quoted, a quote inside written `'\''`).
    package static func commandLine(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}
