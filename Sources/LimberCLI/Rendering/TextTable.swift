import LimberCore

/// Columns of text aligned under a bold header, two spaces apart; the last column is not padded.
///
/// Every cell is one line with its control characters made visible (``TerminalSafe``): cells
/// hold names and summaries from plugins and the log.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows.map { $0.map(\.terminalSafe) }
    }

    func render(_ terminal: Terminal) -> String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([terminal.bold(line(header))] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
