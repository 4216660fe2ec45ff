/// Why an activity file could not be read: one short lower-case line; the caller names the file.
package struct RunFileError: Error, Equatable, CustomStringConvertible {
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }

    static func truncated(_ what: String) -> RunFileError {
        RunFileError("cut short: \(what)")
    }

    static func malformed(_ what: String) -> RunFileError {
        RunFileError("not a valid FIT file: \(what)")
    }
}
