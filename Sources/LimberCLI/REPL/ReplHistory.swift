import Foundation

/// The REPL's history file: one entered line per line, UTF-8, newest last.
///
/// Our own plain format rather than libedit's `write_history` (whose `append_history` writes
/// files its `read_history` then refuses): each line is appended as it is entered, so two
/// REPLs at once both keep their lines and a killed REPL loses nothing. When the file grows
/// past twice the limit it is rewritten with the newest `limit` lines.
struct ReplHistory {
    let file: URL
    var limit = 1000

    /// The newest `limit` lines; creates the folder, compacts an overgrown file.
    func load() -> [String] {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.count > 2 * limit {
            let kept = lines.suffix(limit).joined(separator: "\n") + "\n"
            try? Data(kept.utf8).write(to: file, options: .atomic)
        }
        return Array(lines.suffix(limit))
    }

    /// Appends one line (which holds no newline); false when the file cannot be written.
    @discardableResult
    func append(_ line: String) -> Bool {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }
}
