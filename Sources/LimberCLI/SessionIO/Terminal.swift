import Foundation
import LimberCore

/// What the terminal can do, and the styles limber uses when it can.
///
/// Colour is used only when the stream is a TTY, `NO_COLOR` is unset and `TERM` is not `dumb`.
package struct Terminal: Sendable {
    package let isTTY: Bool
    package let colour: Bool

    /// The terminal behind a file descriptor, judged by the environment.
    package init(fileDescriptor: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessEnvironment.current) {
        isTTY = isatty(fileDescriptor) == 1
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colour = isTTY && !noColour && environment["TERM"] != "dumb"
    }

    /// A terminal with explicit abilities, for tests.
    package init(isTTY: Bool, colour: Bool) {
        self.isTTY = isTTY
        self.colour = colour && isTTY
    }

    package func bold(_ text: String) -> String { style(text, "1") }
    package func dim(_ text: String) -> String { style(text, "2") }
    package func green(_ text: String) -> String { style(text, "32") }
    package func yellow(_ text: String) -> String { style(text, "33") }
    package func red(_ text: String) -> String { style(text, "31") }
    package func cyan(_ text: String) -> String { style(text, "36") }

    private func style(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Standard error as a text stream.
    package static let standardError = StandardStream(FileHandle.standardError)
    /// Standard output as a text stream.
    package static let standardOutput = StandardStream(FileHandle.standardOutput)
}

/// A file handle that takes text.
package struct StandardStream: Sendable {
    let handle: FileHandle

    init(_ handle: FileHandle) { self.handle = handle }

    package func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
