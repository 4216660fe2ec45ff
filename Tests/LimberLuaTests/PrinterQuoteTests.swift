import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// The value printer (printer.lua, for the REPL and `limber test`) shows strings as
/// ``TerminalSafe`` does, for every class of code point and for bytes that are not UTF-8, as Lua
/// literals that read back as the same bytes.
@Suite("the value printer quotes as TerminalSafe shows")
struct PrinterQuoteTests {
    let host: LimberHost
    let printer: LuaTable
    let home: TemporaryFolder

    init() throws {
        home = try TemporaryFolder()
        host = try LimberHost(paths: LimberPaths(home: home.url))
        let chunk = try host.lua.load(EmbeddedLua.printer)
        printer = try #require(try host.lua.call(chunk, [.function(.host(TerminalEscaper.function))]).first?.tableValue)
    }

    func quote(_ bytes: [UInt8]) throws -> [UInt8] {
        guard case .string(let quoted) = try host.lua.call(printer["quote"], [.string(LuaString(bytes: bytes))]).first else {
            throw LuaError.conversion("quote returned no string")
        }
        return quoted.bytes
    }

    /// What the printer must show: the Lua literal of `bytes` (backslash and quote escaped), with
    /// every character TerminalSafe escapes in TerminalSafe's notation.
    static func expected(_ bytes: [UInt8]) -> [UInt8] {
        var literal: [UInt8] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { literal.append(UInt8(ascii: "\\")) }
            literal.append(byte)
        }
        return Array(("\"" + TerminalSafe.text(bytes: literal, lines: .single) + "\"").utf8)
    }

    /// Whether the quoted text reads back in Lua as `bytes`.
    func readsBack(_ quoted: [UInt8], as bytes: [UInt8]) throws -> Bool {
        let chunk = try host.lua.load(Array("return ".utf8) + quoted, chunkName: "=quoted")
        guard case .string(let back) = try host.lua.call(chunk).first else { return false }
        return back.bytes == bytes
    }

    /// Every scalar of a block of code points, one after the other.
    static func block(_ range: ClosedRange<UInt32>) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            bytes += Array(String(scalar).utf8)
        }
        return bytes
    }

    @Test func everyCodePointAgreesWithTerminalSafeAndReadsBack() throws {
        var start: UInt32 = 0
        while start <= 0x10FFFF {
            let end = min(start + 0x0FFF, 0x10FFFF)
            let bytes = Self.block(start...end)
            let quoted = try quote(bytes)
            #expect(quoted == Self.expected(bytes), "U+\(String(start, radix: 16))...U+\(String(end, radix: 16))")
            #expect(try readsBack(quoted, as: bytes), "U+\(String(start, radix: 16))...")
            start = end + 1
        }
    }

    @Test(
        arguments: [
            ("ESC CSI", [0x1B, 0x5B, 0x32, 0x4A], #""\x1B[2J""#),
            ("BEL CR NUL DEL", [0x07, 0x0D, 0x00, 0x7F], #""\a\r\x00\x7F""#),
            ("newline tab", [0x0A, 0x09], #""\n\t""#),
            ("C1 CSI", [0xC2, 0x9B], #""\u{9B}""#),
            ("NEL", [0xC2, 0x85], #""\u{85}""#),
            ("bidi override", [0xE2, 0x80, 0xAE], #""\u{202E}""#),
            ("bidi isolate", [0xE2, 0x81, 0xA6], #""\u{2066}""#),
            ("line separator", [0xE2, 0x80, 0xA8], #""\u{2028}""#),
            ("byte order mark", [0xEF, 0xBB, 0xBF], #""\u{FEFF}""#),
            ("lone continuation byte", [0x80], #""\x80""#),
            ("overlong slash", [0xC0, 0xAF], #""\xC0\xAF""#),
            ("surrogate", [0xED, 0xA0, 0x80], #""\xED\xA0\x80""#),
            ("cut short", [0x41, 0xE2, 0x80], #""A\xE2\x80""#),
            ("quote and backslash", [0x22, 0x5C], #""\"\\""#),
            ("backslash before x1B", [0x5C, 0x1B], #""\\\x1B""#),
            ("joiners stay", [0xE2, 0x80, 0x8D], "\"\u{200D}\""),
            ("accents and emoji stay", Array("é😀".utf8), "\"é😀\""),
        ] as [(String, [UInt8], String)])
    func eachClassOfCharacter(_ name: String, bytes: [UInt8], shown: String) throws {
        let quoted = try quote(bytes)
        #expect(String(decoding: quoted, as: UTF8.self) == shown, "\(name)")
        #expect(try readsBack(quoted, as: bytes), "\(name) reads back")
    }

    @Test func tostringAndNameResultsAreShownNotObeyed() throws {
        // The values stay on the Lua side (a copy into Swift would drop their metatables).
        let chunk = try host.lua.load(
            Array(
                """
                local show = (...)({})
                local hostile = "\\27[8m\\27]52;c;aGk=\\7\\r\\u{202E}"
                return show(setmetatable({}, { __tostring = function() return "t" .. hostile end })),
                  show(setmetatable({ 1 }, { __name = "n" .. hostile }))
                """.utf8), chunkName: "=values")
        let shown = try host.lua.call(chunk, [printer["new"]])
        let tostringShown = shown.first?.stringValue
        let nameShown = shown.dropFirst().first?.stringValue
        #expect(tostringShown == #"t\x1B[8m\x1B]52;c;aGk=\a\r\u{202E}"#)
        #expect(nameShown == #"<n\x1B[8m\x1B]52;c;aGk=\a\r\u{202E}> { 1 }"#)
    }
}
