import Foundation

/// The process's environment variables, read once.
///
/// Foundation builds a new dictionary of every variable each time
/// `ProcessInfo.processInfo.environment` is read: a `limber remind` with nothing due read it four
/// times, 8% of its instructions. limber never changes its own environment (no `setenv`
/// anywhere), so the copy made at the first read is the environment for the whole run.
package enum ProcessEnvironment {
    /// Every variable, as the process was started with it.
    package static let current: [String: String] = ProcessInfo.processInfo.environment
}
