extension SessionLog {
    /// `SELECT columns FROM table WHERE clause`, oldest first by `order` (columns that order the
    /// rows in time, the last one a tie-breaker); with a `limit`, only the newest `limit` rows,
    /// still oldest first. The one query behind sessions and sets alike.
    static func chronologicalSQL(
        _ columns: String, from table: String, where clause: String, orderedBy order: [String], limit: Int?
    ) -> String {
        let select = "SELECT \(columns) FROM \(table) WHERE \(clause)"
        let oldestFirst = "ORDER BY " + order.joined(separator: ", ")
        guard let limit else { return "\(select) \(oldestFirst)" }
        let newestFirst = "ORDER BY " + order.map { "\($0) DESC" }.joined(separator: ", ")
        return "SELECT * FROM (\(select) \(newestFirst) LIMIT \(max(0, limit))) \(oldestFirst)"
    }
}
