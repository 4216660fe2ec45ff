import LimberCore

/// Shared pieces of ``LuaValueEncoder`` and ``LuaValueDecoder``: coding keys, field paths as a
/// plugin author reads them (`steps[2].hold`), short descriptions of values, key suggestions.
enum LuaCodingPath {
    /// The key of an array element. `intValue` is the 0-based offset (Swift's convention); paths
    /// show it 1-based, as Lua counts.
    struct Index: CodingKey {
        let offset: Int
        init(_ offset: Int) { self.offset = offset }
        init?(intValue: Int) { offset = intValue }
        init?(stringValue: String) { nil }
        var intValue: Int? { offset }
        var stringValue: String { "Index \(offset)" }
    }

    /// A plain named key, used for `super`.
    struct Named: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        var intValue: Int? { nil }
    }

    /// `dose.min`, `steps[2].hold`, `options["two words"]`; empty for the value itself.
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key as? Index {
                text += "[\(index.offset + 1)]"
            } else if isIdentifier(key.stringValue) {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            } else if Int(key.stringValue) != nil {
                text += "[\(key.stringValue)]"
            } else {
                text += "[\"\(key.stringValue)\"]"
            }
        }
        return text
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    /// What a value is, for "expected ..., got ..." messages: `string "thirty"`, `number 2.5`, `boolean`.
    static func describe(_ value: LuaValue) -> String {
        switch value {
        case .string(let text): "string \"\(shortened(text.description))\""
        case .integer(let integer): "number \(integer)"
        case .number(let number): "number \(number)"
        default: value.typeName
        }
    }

    /// A value as it would be quoted in a list of allowed values: `'stretchy'`, `7`.
    static func quoted(_ value: LuaValue) -> String {
        switch value {
        case .string(let text): "'\(shortened(text.description))'"
        case .integer(let integer): String(integer)
        case .number(let number): String(number)
        default: value.typeName
        }
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    /// The candidate nearest to `word`, when it is near enough to be a likely typo.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = EditDistance.between(word.lowercased(), candidate.lowercased())
            if distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = best.candidate.count <= 4 ? 1 : 2
        return best.distance <= allowed ? best.candidate : nil
    }
}
