import Foundation
import Testing

@testable import LimberCore

/// JSON strings as an import reads them: every escape, every scalar, and the refusals.
@Suite("LineJSON strings")
struct LineJSONStringTests {
    private func string(_ json: String) throws -> String? {
        guard case .string(let text) = try LineJSON.parse(json).value else { return nil }
        return text
    }

    @Test func escapesReadAsJSONSerializationReadsThem() throws {
        let literals = [
            #""plain""#, #""""#, #""tab\there""#, #""\"quoted\" \\ back\/slash""#, #""\b\f\n\r\t""#,
            #""caf\u00e9 \u00E9""#, #""\ud83d\ude00 grin""#, #""é, 😀 and \u0000 nul""#, #""ends with escape\n""#,
            #""\u2028\u2029""#, #""mixed é\tafter""#,
        ]
        for literal in literals {
            let expected = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
            #expect(try string(literal) == expected, "\(literal)")
        }
    }

    @Test func anyTextRoundTripsThroughQuote() throws {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = [
            "a", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "😀", "\u{2028}", "中", " ",
        ]
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                text.append(pool.randomElement(using: &generator) ?? "a")
            }
            let original = String(text)
            #expect(try string(LineJSON.quote(original)) == original, "\(original.debugDescription)")
        }
    }

    @Test(arguments: [
        (#""unterminated"#, "unterminated string"), (#""bad \x escape""#, "invalid escape in string"),
        (#""lone \ud83d high""#, "unpaired surrogate in string"), (#""lone \ude00 low""#, #"invalid \u escape in string"#),
        (#""short \u12""#, #"invalid \u escape in string"#), ("\"raw\ttab\"", "control character in string"),
        ("\"raw\nnewline\"", "control character in string"), (#""ends in \"#, "unterminated string"),
    ])
    func brokenStringsAreRefusedWithTheReason(json: String, reason: String) {
        #expect(throws: LogError.malformedFile(line: 1, reason: reason)) { try LineJSON.parse(json) }
    }
}
