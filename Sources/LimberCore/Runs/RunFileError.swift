/// Why an activity file could not be read: one short lower-case line; the caller names the file.
public struct RunFileError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func truncated(_ what: String) -> RunFileError {
        RunFileError("cut short: \(what)")
    }

    static func malformed(_ what: String) -> RunFileError {
        RunFileError("not a valid FIT file: \(what)")
    }
}
