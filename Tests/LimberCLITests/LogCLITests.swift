import Foundation
import LimberCore
import LimberTestSupport
import Testing

@Suite("limber log, stats, export, import", .serialized)
struct LogCLITests {
    let home: TemporaryFolder
    let limber: LimberProcess

    /// A Wednesday afternoon, in UTC, so days and weeks are the same on every machine.
    init() throws {
        home = try TemporaryFolder()
        limber = LimberProcess(
            home: home.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2024-05-08T15:30:00Z", "TZ": "UTC"])
    }

    private var database: URL { LimberPaths(home: home.url).database }

    @discardableResult
    private func expectSuccess(_ arguments: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let result = try limber.run(arguments, stdin: stdin)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    @Test func addListAndStats() throws {
        #expect(try expectSuccess(["log"]).hasPrefix("no sessions logged yet"))
        try expectSuccess(["log", "add", "cat-cow", "--reps", "10", "--at", "2024-05-06 07:00"])
        try expectSuccess(["log", "add", "figure-four-stretch", "--hold", "45", "--at", "yesterday 18:00", "--discomfort", "3"])
        let added = try expectSuccess(["log", "add", "cooldown", "--routine", "--minutes", "12", "--note", "after tempo"])
        #expect(added == "logged cooldown on Wed 2024-05-08 at 15:18; streak: 3 days\n")
        try expectSuccess(["log", "add", "run", "--minutes", "40", "--at", "06:00"])
        try expectSuccess(["log", "skip", "--reason", "sick", "--on", "2024-05-05"])

        let listing = try expectSuccess(["log", "--since", "7d"])
        let lines = listing.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("Sun 2024-05-05") && lines[0].contains("skipped: sick"))
        #expect(lines[1].hasPrefix("Mon 2024-05-06 07:00  cat-cow"))
        #expect(lines[2].contains("figure-four-stretch") && lines[2].contains("2 sets") && lines[2].contains("discomfort 3"))
        #expect(lines[3].hasPrefix("Wed 2024-05-08 06:00  run"))
        #expect(lines[4].contains("cooldown") && lines[4].contains("12 min") && lines[4].contains("after tempo"))
        #expect(!listing.contains("\u{1B}["))

        let json =
            try JSONSerialization.jsonObject(
                with: Data(try expectSuccess(["log", "--json", "--routine", "figure-four-stretch"]).utf8)) as? [String: Any]
        let sessions = try #require(json?["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect((sessions[0]["sets"] as? [[String: Any]])?.map { $0["side"] as? String } == ["left", "right"])

        let stats =
            try JSONSerialization.jsonObject(with: Data(try expectSuccess(["stats", "--json", "--weeks", "2"]).utf8))
            as? [String: Any]
        let streaks = try #require(stats?["streaks"] as? [String: Any])
        #expect((streaks["current"] as? [String: Any])?["days"] as? Int == 3)
        #expect((stats?["weeks"] as? [[String: Any]])?.map { $0["sessions"] as? Int } == [0, 3])
        #expect((stats?["most_practised"] as? [[String: Any]])?.first?["exercise"] as? String == "figure-four-stretch")

        let chart = try expectSuccess(["stats", "--weeks", "2"])
        #expect(chart.contains("streak     3 days since Mon 2024-05-06"))
        #expect(chart.contains("2024-05-06  ####################"))
        #expect(chart.contains("discomfort"))
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let typo = try limber.run(["log", "add", "cat-cwo"])
        #expect(typo.status == 1)
        #expect(
            typo.stderr
                == "limber: unknown exercise or routine 'cat-cwo' (did you mean 'cat-cow'?); add --routine to log it under that name anyway\n"
        )
        let unknown = try limber.run(["log", "add", "nonsense"])
        #expect(unknown.status == 1, "an unknown name is refused, not logged")
        #expect(
            unknown.stderr == "limber: unknown exercise or routine 'nonsense'; add --routine to log it under that name anyway\n")
        #expect(try limber.run(["log"]).stdout.contains("nonsense") == false)
        let since = try limber.run(["log", "--since", "lately"])
        #expect(since.status == 1)
        #expect(since.stderr.hasPrefix("limber: --since 'lately'"))
        #expect(try limber.run(["log", "add", "cat-cow", "--discomfort", "11"]).status != 0)
        #expect(try limber.run(["log", "add", "cat-cow", "--at", "teatime"]).stderr.hasPrefix("limber: --at 'teatime'"))
    }

    @Test func exportImportsBackAndABadFileWritesNothing() throws {
        try expectSuccess(["log", "add", "cat-cow", "--reps", "10", "--note", "commas, \"quotes\"\nand lines"])
        try expectSuccess(["log", "add", "figure-four-stretch", "--hold", "45", "--at", "yesterday 18:00"])
        try expectSuccess(["log", "rest", "--weekly", "sun"])
        for format in ["csv", "json"] {
            let exported = try expectSuccess(["export", "--format", format])
            let file = try home.write("export.\(format)", exported)
            let other = try TemporaryFolder()
            let fresh = LimberProcess(
                home: other.url, extra: ["LIMBER_SHIPPED_PLUGINS": "", "LIMBER_NOW": "2024-05-08T15:30:00Z", "TZ": "UTC"])
            let imported = try fresh.run(["import", file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout == "imported 2 sessions, 3 sets, 1 weekly rest day\n")
            #expect(try fresh.run(["export", "--format", format]).stdout == exported)
            let again = try fresh.run(["import", file.path])
            #expect(again.stdout == "imported 0 sessions, 0 sets; 2 already in the log, left as they were\n")
        }

        let csv = try expectSuccess(["export", "--format", "csv"])
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let setLine = try #require(lines.lastIndex { $0.hasPrefix("set,") })
        lines[setLine] = lines[setLine].replacingOccurrences(of: ",seconds,", with: ",minutes,")
        let bad = try home.write("bad.csv", lines.joined(separator: "\n"))
        let before = try Data(contentsOf: database)
        let other = try TemporaryFolder()
        let fresh = LimberProcess(home: other.url, extra: ["LIMBER_SHIPPED_PLUGINS": ""])
        let refused = try fresh.run(["import", bad.path])
        #expect(refused.status == 1)
        // `lines` are the file's lines (the notes' line break included), counted from 0.
        #expect(refused.stderr == "limber: \(bad.path):\(setLine + 1): invalid unit 'minutes'; nothing was imported\n")
        #expect(try fresh.run(["log", "--json"]).stdout.contains("\"sessions\" : [\n\n  ]"))
        #expect(try Data(contentsOf: database) == before)
    }

    @Test func aCorruptLogIsAClearErrorAndIsNotReplaced() throws {
        try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: database)
        for arguments in [["log"], ["stats"], ["log", "add", "cat-cow"], ["export"]] {
            let result = try limber.run(arguments)
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "limber: the log at \(database.path) is not a readable SQLite database (corrupt?); it was left untouched\n"
            )
        }
        #expect(try Data(contentsOf: database) == garbage)
    }

    /// Runs `limber run script` without waiting; returns the process and its stdout pipe.
    private func start(_ script: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = LimberProcess.executable
        process.arguments = ["run", script.path]
        process.environment = limber.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test func aKilledScriptKeepsEveryCompletedSetAndEndsEarly() throws {
        // Records sets forever, printing each set's id once `record` has returned.
        let script = try home.write(
            "forever.lua",
            """
            while true do
              local set = limber.log.record{ routine = 'evening', exercise = 'cat-cow', reps = 10 }
              io.stdout:write(set.session, ' ', set.id, '\\n')
              io.stdout:flush()
            end
            """)
        let (process, output) = try start(script)
        var text = ""
        let reader = output.fileHandleForReading
        while text.split(separator: "\n").count < 25 {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        text += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)

        let reported = text.split(separator: "\n").filter { $0.split(separator: " ").count == 2 }.compactMap {
            Int64($0.split(separator: " ")[1])
        }
        #expect(reported.count >= 25)
        let log = try SessionLog(url: database)
        let sessions = try log.sessions()
        #expect(sessions.count == 1)
        #expect(sessions.first?.outcome == .endedEarly)
        #expect(sessions.first?.endedAt == nil)
        let stored = Set(try log.sets(SetQuery()).map(\.id))
        #expect(Set(reported).isSubset(of: stored), "every set reported as written is in the log")
        #expect(stored.count >= reported.count)
    }

    @Test func theREPLFinishesTheSessionsItRecorded() throws {
        let repl = try limber.run(["repl"], stdin: "limber.log.record{ routine = 'evening', exercise = 'cat-cow', reps = 10 }\n")
        #expect(repl.status == 0, "\(repl.stderr)")
        let sessions = try SessionLog(url: database).sessions()
        #expect(sessions.map(\.routine) == ["evening"])
        #expect(sessions.first?.outcome == .completed)
    }

    @Test func twoWriterProcessesLoseNothing() throws {
        let script = try home.write(
            "writer.lua",
            """
            for i = 1, 300 do
              limber.log.record{ routine = 'writer', exercise = 'cat-cow', reps = i }
            end
            """)
        let first = try start(script)
        let second = try start(script)
        for (process, _) in [first, second] {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let log = try SessionLog(url: database)
        let sessions = try log.sessions()
        #expect(sessions.count == 2)
        #expect(sessions.allSatisfy { $0.outcome == .completed }, "each script finished its session")
        for session in sessions {
            #expect(try log.sets(session: session.id).map { Int($0.actual ?? 0) } == Array(1...300))
        }
    }
}
