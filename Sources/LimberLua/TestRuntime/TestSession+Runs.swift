import LimberCore

/// `log.seed`'s runs: the sport, distance and file `limber.log.record` does not take, written
/// as `limber runs import` writes them, and the run read back as `limber.log.last` gives it.
extension TestSession {
    /// The fields of a seeded run beyond what `limber.log.record` takes.
    struct SeededRun: Decodable {
        var sport: String?
        var distanceM: Double?
        var file: String?

        enum CodingKeys: String, CodingKey {
            case sport, file
            case distanceM = "distance_m"
        }

        var detail: RunDetail { RunDetail(sport: sport ?? "running", distance: distanceM, sourceFile: file) }
    }

    /// `check_run(detail)`: refuses, before anything is written, what the log would not keep;
    /// `seeded_run(id, detail?)`: adds the detail to the session just recorded and returns it
    /// as `limber.log.last` would (with its sets and the run's fields).
    func runSeedFunctions() -> [String: LuaValue] {
        let log = host.sessionLog
        let check = HostFunction("check_run") { call in
            let fields = try LuaValueDecoder().decode(SeededRun.self, from: .table(try call.table(1, "detail")))
            do throws(LogError) {
                try fields.detail.validate()
            } catch {
                throw LuaError.conversion(error.description)
            }
            return []
        }
        let seeded = HostFunction("seeded_run") { call in
            guard let id = call.argument(1).integerValue else { throw LuaError.conversion("expected the session's id") }
            do {
                let sessions = try log.log()
                if case .table(let table) = call.argument(2) {
                    let fields = try LuaValueDecoder().decode(SeededRun.self, from: .table(table))
                    try sessions.addRunDetail(fields.detail, toSession: id)
                }
                guard let session = try sessions.session(id: id) else { throw LogError.unknownSession(id) }
                var table = HostAPI.sessionTable(session, sets: try sessions.sets(session: id))
                if let run = try sessions.runRecords(of: [session])[id] { HostAPI.addRunFields(&table, run) }
                return [.table(table)]
            } catch let error as LogError {
                throw LuaError.conversion(error.description)
            }
        }
        return ["check_run": .function(.host(check)), "seeded_run": .function(.host(seeded))]
    }
}
