import Foundation
import GRDB

@testable import LimberCore

/// Every row of the tables an export carries, value by value, for comparing two logs field by
/// field: integers, text and NULL as they are, reals by their bit pattern (so -0.0 and 0.0, or
/// two doubles one ulp apart, differ). The scan cache (`run_file`) is not part of an export.
enum LogTables {
    static let exported = [
        "session": "id", "session_set": "id", "run_detail": "session_id", "day_mark": "local_day", "rest_weekday": "weekday",
    ]

    /// Each exported table's rows in key order, each value written out with its storage class.
    static func rows(of log: SessionLog) throws -> [String: [[String]]] {
        try log.read { db in
            var tables: [String: [[String]]] = [:]
            for (table, key) in exported {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(key)").map { row in
                    row.columnNames.map { name -> String in
                        let value: DatabaseValue = row[name]
                        switch value.storage {
                        case .int64(let number): return "\(name)=i\(number)"
                        case .double(let number): return "\(name)=r\(String(number.bitPattern, radix: 16))"
                        case .string(let text): return "\(name)=t\(text)"
                        case .blob(let data): return "\(name)=b\(data.base64EncodedString())"
                        case .null: return "\(name)=NULL"
                        }
                    }
                }
            }
            return tables
        }
    }
}
