import Foundation

/// The process's environment variables, read once.
///
/// Foundation builds a new dictionary of every variable each time
/// `ProcessInfo.processInfo.environment` is read: a `limber remind` with nothing due read it four
/// times, 8% of its instructions. limber never changes its own environment (no `setenv`
/// anywhere), so the copy made at the first read is the environment for the whole run.
package enum ProcessEnvironment {
    /// Every variable, as the process was started with it.
    package static let current: [String: String] = variables(in: environ)

    /// The variables of a C environment block (`NAME=value` strings up to a null pointer),
    /// split at each entry's first `=`; an entry without one is skipped and, as in
    /// `ProcessInfo`, a later entry of the same name wins. Split by bytes: Foundation finds the
    /// `=` by characters, with grapheme breaking over every entry, a third of its cost.
    package static func variables(in block: UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> [String: String] {
        var variables: [String: String] = [:]
        guard var entry = block else { return variables }
        while let pointer = entry.pointee {
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                variables[String(decoding: bytes[..<equals], as: UTF8.self)] = String(
                    decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            entry += 1
        }
        return variables
    }
}
