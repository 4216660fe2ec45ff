import Foundation

/// Runs the built `limber` executable as a child process, as a user or cron would.
package struct LimberProcess {
    /// What a finished run left behind.
    package struct Result: Sendable {
        package let status: Int32
        package let stdout: String
        package let stderr: String
    }

    /// The built executable: beside the test bundle, which SwiftPM puts in the same folder.
    package static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("limber")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/limber")
    }

    /// The environment of every run: an isolated `LIMBER_HOME`, no colour, plus `extra`.
    package let environment: [String: String]
    package let workingDirectory: URL?

    package init(home: URL, extra: [String: String] = [:], workingDirectory: URL? = nil, inherit: Bool = true) {
        var environment = inherit ? ProcessInfo.processInfo.environment : [:]
        environment["LIMBER_HOME"] = home.path
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Runs `limber` with arguments and optional standard input; waits for it to end.
    package func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try Self.run(Self.executable, arguments, environment: environment, in: workingDirectory, stdin: stdin)
    }

    /// Runs any executable with arguments and optional standard input; waits for it to end.
    package static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], in workingDirectory: URL? = nil,
        stdin: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the child runs, so a full pipe cannot block it.
        let collected = ConcurrentData()
        let group = DispatchGroup()
        for (pipe, index) in [(output, 0), (errors, 1)] {
            group.enter()
            DispatchQueue.global().async {
                collected.set(index, pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: collected.get(0), as: UTF8.self),
            stderr: String(decoding: collected.get(1), as: UTF8.self))
    }
}

/// Two buffers filled from two threads.
private final class ConcurrentData: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [Data] = [Data(), Data()]

    func set(_ index: Int, _ data: Data) {
        lock.lock()
        buffers[index] = data
        lock.unlock()
    }

    func get(_ index: Int) -> Data {
        lock.lock()
        defer { lock.unlock() }
        return buffers[index]
    }
}
