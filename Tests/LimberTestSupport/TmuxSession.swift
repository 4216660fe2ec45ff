import Foundation

/// A program running in a real pseudo-terminal, driven through tmux as a person would type.
///
/// Each session has its own tmux server (a socket in a temporary folder, no user config), so
/// tests never touch the user's tmux and can run side by side. Waiting polls the rendered
/// screen until the expected text shows up or a timeout passes; nothing sleeps a fixed time.
public final class TmuxSession {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let folder: TemporaryFolder
    private let socket: String
    private static let target = "repl"

    /// Starts `arguments` (an executable and its arguments) in a `width`×`height` terminal with
    /// exactly `environment` (plus TERM=screen). The pane stays when the program ends, so its
    /// last screen and exit status can be read.
    public init(_ arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        folder = try TemporaryFolder()
        socket = folder.path("tmux.sock")
        var assignments = environment.merging(["TERM": "screen"]) { _, new in new }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        assignments.insert("env", at: 0)
        assignments.insert("-i", at: 1)
        let command = "exec " + (assignments + arguments).map(Self.shellQuoted).joined(separator: " ")
        try tmux([
            "new-session", "-d", "-s", Self.target, "-x", String(width), "-y", String(height), command,
            ";", "set-option", "-t", Self.target, "remain-on-exit", "on",
        ])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types text literally (no key names).
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`.
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// The screen as plain text, trailing blank lines dropped.
    public func screen() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-t", Self.target])
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Waits until the screen satisfies `condition`; returns that screen.
    @discardableResult
    public func waitFor(
        _ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the program has ended; returns its exit status.
    public func waitForExit(timeout: TimeInterval = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let state = try tmux(["display-message", "-p", "-t", Self.target, "#{pane_dead} #{pane_dead_status}"])
                .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            if state.first == "1", let status = state.dropFirst().first.flatMap({ Int32($0) }) { return status }
            usleep(20_000)
        }
        throw Failure(description: "timed out waiting for the program to end; the screen was:\n\(try screen())")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-S", socket, "-f", "/dev/null"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
