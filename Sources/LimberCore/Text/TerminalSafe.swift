/// Makes text from a plugin, the log or an imported file safe to show on a terminal.
///
/// Every character a terminal could act on, or that could make the text read other than it is,
/// is shown as a Lua escape instead: C0 controls and DEL as `\a`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// `\v` or `\x1B`; C1 controls (U+0080–U+009F), line and paragraph separators, bidi embeddings,
/// overrides and isolates, and the other invisible format characters as `\u{202E}`; bytes that
/// are not UTF-8 as `\xFF`. The notation is Lua's own, so a plugin author can paste what they see
/// back into a Lua string and get the same bytes. Zero-width joiners (U+200C, U+200D) stay, as
/// emoji and several scripts need them. `--json` output does not use this: JSON keeps the exact
/// string, escaped by JSON's own rules.
package enum TerminalSafe {
    /// Which line breaks a piece of text may keep.
    package enum Lines: Sendable {
        /// One line: a table cell, a status line, a name. `\n` and `\t` are escaped too.
        case single
        /// Text of several lines (instructions, an error with its traceback): `\n` and `\t` stay.
        case multiple
    }

    /// `text` with every control or invisible format character made visible.
    ///
    /// With `keepingStyles`, colour and weight sequences (`ESC [ digits ; digits m`, SGR) pass
    /// unchanged, for text that limber itself coloured (the REPL's value printer): they can only
    /// change colours, never move the cursor, clear, retitle or query the terminal.
    package static func text(_ text: String, lines: Lines = .single, keepingStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, lines: lines) }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingStyles, scalar == "\u{1B}", let end = styleEnd(scalars, from: index) {
                out.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if needsEscape(scalar, lines: lines) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// The index of the `m` ending an SGR sequence that starts at `start`, if one does.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, index - start < 32 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            index += 1
        }
        return nil
    }

    /// Raw bytes (a Lua string) shown as text: valid UTF-8 as ``text(_:lines:keepingStyles:)``
    /// shows it, every byte that is not part of a valid UTF-8 sequence as `\xHH`.
    package static func text<Bytes: Collection>(
        bytes: Bytes, lines: Lines = .single, keepingStyles: Bool = false
    ) -> String where Bytes.Element == UInt8 {
        // Most text is valid UTF-8 as a whole: one check, then the one pass over its characters.
        if let valid = String(validating: bytes, as: UTF8.self) {
            return text(valid, lines: lines, keepingStyles: keepingStyles)
        }
        var out = ""
        var valid: [UInt8] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let length = sequenceLength(bytes, at: index)
            let end = length > 0 ? bytes.index(index, offsetBy: length) : index
            if length > 0, String(validating: bytes[index..<end], as: UTF8.self) != nil {
                valid += bytes[index..<end]
                index = end
            } else {
                out +=
                    text(String(decoding: valid, as: UTF8.self), lines: lines, keepingStyles: keepingStyles) + hex(bytes[index])
                valid.removeAll()
                index = bytes.index(after: index)
            }
        }
        return out + text(String(decoding: valid, as: UTF8.self), lines: lines, keepingStyles: keepingStyles)
    }

    /// `text` as words for a speech synthesiser's command line: every character ``text(_:lines:)``
    /// would escape becomes a space (spoken escapes would be noise), and it never starts with `-`,
    /// so it cannot be read as an option.
    package static func spoken(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(needsEscape(scalar, lines: .single) ? " " : scalar)
        }
        let words = String(out)
        return words.hasPrefix("-") ? " " + words : words
    }

    /// Whether a character must be escaped.
    static func needsEscape(_ scalar: Unicode.Scalar, lines: Lines) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return lines == .single }
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0xA0 { return false }
        if value == 0x200C || value == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate: return true
        default: return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case let value where value < 0x80: return hex(UInt8(value))
        case let value: return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// How many bytes the UTF-8 sequence starting at `index` claims (0 for a byte that starts none).
    private static func sequenceLength<Bytes: Collection>(_ bytes: Bytes, at index: Bytes.Index) -> Int
    where Bytes.Element == UInt8 {
        let lead = bytes[index]
        let claimed: Int
        switch lead {
        case 0x00...0x7F: claimed = 1
        case 0xC2...0xDF: claimed = 2
        case 0xE0...0xEF: claimed = 3
        case 0xF0...0xF4: claimed = 4
        default: return 0
        }
        return bytes.distance(from: index, to: bytes.endIndex) >= claimed ? claimed : 0
    }
}

extension String {
    /// The string as one line a terminal shows but cannot act on (see ``TerminalSafe``).
    package var terminalSafe: String { TerminalSafe.text(self, lines: .single) }

    /// The string as lines a terminal shows but cannot act on: newlines and tabs stay.
    package var terminalSafeLines: String { TerminalSafe.text(self, lines: .multiple) }
}
