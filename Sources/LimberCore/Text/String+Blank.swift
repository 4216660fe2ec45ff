extension StringProtocol {
    /// Whether the text is empty or only spaces and tabs (a cheap check for hot import paths).
    var isBlank: Bool {
        utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
