import Foundation
import LimberCore

extension FuzzTarget {
    /// `limber import` of a CSV file, then the round trip of whatever it accepted.
    package static let logCSV = FuzzTarget("log-csv", "limber import of CSV bytes; accepted files must round-trip") {
        data throws(FuzzFailure) in
        try importAndRoundTrip(data, format: .csv)
    }

    /// `limber import` of a JSON file, then the round trip of whatever it accepted.
    package static let logJSON = FuzzTarget("log-json", "limber import of JSON bytes; accepted files must round-trip") {
        data throws(FuzzFailure) in
        try importAndRoundTrip(data, format: .json)
    }

    /// Imports the bytes as `limber import` does (UTF-8 text or refused) into an empty log. When
    /// the log takes them, both its exports must import into another empty log and export to the
    /// same text again: the log never holds what it cannot restore from a backup.
    static func importAndRoundTrip(_ data: Data, format: LogFormat) throws(FuzzFailure) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let first = try EmptyLog.take()
        do {
            try first.importLog(text, format: format)
        } catch LogError.malformedFile, LogError.invalid {
            // A refused import writes nothing, so the log is still empty for the next input.
            let left = (try? first.export(format: .csv)) ?? "(unreadable)"
            try require(left == EmptyLog.emptyExport, "a refused import left records behind:\n\(left)")
            EmptyLog.giveBack(first)
            return
        } catch {
            throw FuzzFailure("import failed with something other than a refusal: \(error)")
        }
        do {
            for exported in LogFormat.allCases {
                let backup = try first.export(format: exported)
                let restored = try SessionLog()
                try restored.importLog(backup, format: exported)
                for compared in LogFormat.allCases {
                    let before = try first.export(format: compared)
                    let after = try restored.export(format: compared)
                    try require(before == after, "the \(exported) export did not restore the same log:\n\(before)\n---\n\(after)")
                }
            }
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            throw FuzzFailure("an accepted import does not export and import back: \(error)")
        }
    }
}

/// One empty in-memory log kept between inputs: most inputs are refused and leave it empty, and
/// opening a log (migrations) costs more than reading a small file.
private enum EmptyLog {
    nonisolated(unsafe) private static var spare: SessionLog?
    /// What an empty log exports as CSV: the header line alone.
    static let emptyExport = (try? SessionLog().export(format: .csv)) ?? ""
    private static let lock = NSLock()

    static func take() throws(FuzzFailure) -> SessionLog {
        lock.lock()
        let log = spare
        spare = nil
        lock.unlock()
        if let log { return log }
        do {
            return try SessionLog()
        } catch {
            throw FuzzFailure("cannot open a log in memory: \(error)")
        }
    }

    static func giveBack(_ log: SessionLog) {
        lock.lock()
        spare = log
        lock.unlock()
    }
}
