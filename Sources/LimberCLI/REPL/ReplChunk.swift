import LimberLua

/// Turns typed lines into a chunk, as the reference interpreter does: an expression first
/// (`return <input>`, so its value prints), else a statement; input that ends too early
/// (a syntax error at `<eof>`) waits for more lines.
enum ReplChunk {
    /// The chunk name; errors read `repl:2: message`.
    static let chunkName = "=repl"

    enum Outcome {
        /// A compiled function, ready to run.
        case ready(LuaValue)
        /// The input stops in the middle of something: read another line.
        case incomplete
        /// A syntax error that more input cannot fix.
        case failed(LuaError)
    }

    static func compile(_ source: String, in lua: LuaState) -> Outcome {
        let expressionError: LuaError
        do {
            return .ready(try lua.load(Array(("return " + source).utf8), chunkName: chunkName))
        } catch {
            expressionError = error
        }
        do {
            return .ready(try lua.load(Array(source.utf8), chunkName: chunkName))
        } catch {
            if endsEarly(error) || endsEarly(expressionError) { return .incomplete }
            return .failed(error)
        }
    }

    /// The error for input that ended while a chunk was unfinished: the one that says what was
    /// still expected (`... near <eof>`), as an expression or else as a statement.
    static func unfinished(_ source: String, in lua: LuaState) -> LuaError {
        var errors: [LuaError] = []
        for candidate in ["return " + source, source] {
            do {
                _ = try lua.load(Array(candidate.utf8), chunkName: chunkName)
            } catch {
                errors.append(error)
            }
        }
        return errors.first(where: endsEarly) ?? errors.last
            ?? .syntax("\(chunkName.dropFirst()): unfinished chunk at the end of the input")
    }

    /// Whether a syntax error says the input stopped too early (`... near <eof>`).
    ///
    /// Unlike the reference interpreter, a bare "syntax error near <eof>" does not count: it
    /// is what `x = 1; x` gives (an expression where a statement must be), and waiting for a
    /// second line that would make it a call is never what the person meant.
    static func endsEarly(_ error: LuaError) -> Bool {
        guard case .syntax(let message) = error else { return false }
        return message.hasSuffix("<eof>") && !message.hasSuffix(": syntax error near <eof>")
    }
}
