import Foundation

/// Runs the built `limber` as cron would: exactly the environment given (by default only `HOME`
/// and `PATH=/usr/bin:/bin`), working directory `HOME`, standard input from /dev/null, no TTY.
package struct CronLikeProcess {
    package let home: URL
    package let environment: [String: String]

    /// `extra` is added to `HOME` and `PATH=/usr/bin:/bin` (and may replace them).
    package init(home: URL, extra: [String: String] = [:]) {
        self.home = home
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { _, new in new }
        self.environment = environment
    }

    /// A started run, to wait for later.
    package final class Running: @unchecked Sendable {
        let process: Process
        let output: URL
        let errors: URL

        init(process: Process, output: URL, errors: URL) {
            self.process = process
            self.output = output
            self.errors = errors
        }

        /// Waits for the run to end and collects what it printed.
        package func wait() -> LimberProcess.Result {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(at: output)
                try? FileManager.default.removeItem(at: errors)
            }
            func text(_ url: URL) -> String {
                String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
            }
            return LimberProcess.Result(status: process.terminationStatus, stdout: text(output), stderr: text(errors))
        }
    }

    /// Starts `limber` with arguments and returns without waiting. Output goes to files, so a
    /// child that outlives the run cannot hold a pipe open.
    package func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = LimberProcess.executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = home
        let scratch = FileManager.default.temporaryDirectory
        let output = scratch.appendingPathComponent("limber-out-\(UUID().uuidString)")
        let errors = scratch.appendingPathComponent("limber-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: output)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, output: output, errors: errors)
    }

    /// Runs `limber` with arguments and waits for it.
    package func run(_ arguments: [String]) throws -> LimberProcess.Result {
        try start(arguments).wait()
    }

    /// Runs `limber ARGUMENTS` under strace and counts how often it opened each named file
    /// (a path ending `/NAME`, opened without error), for tests of what a run does not touch.
    package func traced(_ arguments: [String], counting names: [String]) throws -> (LimberProcess.Result, [String: Int]) {
        let trace = home.appendingPathComponent("trace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let result = try LimberProcess.run(
            URL(fileURLWithPath: "/usr/bin/strace"),
            ["-f", "-qq", "-e", "trace=open,openat", "-o", trace, LimberProcess.executable.path] + arguments,
            environment: environment, in: home)
        let lines = (try? String(contentsOfFile: trace, encoding: .utf8))?.split(separator: "\n") ?? []
        var counts: [String: Int] = [:]
        for name in names {
            counts[name] = lines.filter { $0.contains("/\(name)\"") && !$0.contains("ENOENT") }.count
        }
        return (result, counts)
    }
}
