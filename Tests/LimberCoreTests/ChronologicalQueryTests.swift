import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

/// Sessions and sets read with a limit are the newest ones, shown oldest first, through one query.
@Suite("newest N, oldest first")
struct ChronologicalQueryTests {
    @Test func setsAndSessionsWithALimitAreTheNewestOldestFirst() throws {
        let log = try SessionLog()
        for day in 1...5 {
            try LogFixtures.practise(log, on: LogFixtures.may(day), exercise: "move-\(day)")
        }
        #expect(try log.sets(SetQuery(limit: 2)).map(\.exercise) == ["move-4", "move-5"])
        #expect(try log.sets(SetQuery(limit: 0)).isEmpty)
        #expect(try log.sets(SetQuery(limit: 9)).map(\.exercise) == (1...5).map { "move-\($0)" })
        #expect(try log.sessions(SessionQuery(limit: 3)).map(\.day.iso) == ["2024-05-03", "2024-05-04", "2024-05-05"])
    }

    @Test func oneQueryShape() {
        #expect(
            SessionLog.chronologicalSQL("a, b", from: "t", where: "1", orderedBy: ["at", "id"], limit: nil)
                == "SELECT a, b FROM t WHERE 1 ORDER BY at, id")
        #expect(
            SessionLog.chronologicalSQL("a, b", from: "t", where: "x = ?", orderedBy: ["at", "id"], limit: -4)
                == "SELECT * FROM (SELECT a, b FROM t WHERE x = ? ORDER BY at DESC, id DESC LIMIT 0) ORDER BY at, id")
    }
}
