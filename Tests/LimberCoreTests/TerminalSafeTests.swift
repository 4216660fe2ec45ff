import Testing

@testable import LimberCore

/// The one function that makes text from plugins, the log and files safe on a terminal.
struct TerminalSafeTests {
    @Test(arguments: [
        ("clear\u{1B}[2Jscreen", "clear\\x1B[2Jscreen"),
        ("\u{1B}]0;pwned\u{07}", "\\x1B]0;pwned\\a"),
        ("bell\u{07}", "bell\\a"),
        ("over\rwrite", "over\\rwrite"),
        ("back\u{08}space", "back\\bspace"),
        ("nul\u{0}", "nul\\x00"),
        ("del\u{7F}", "del\\x7F"),
        ("c1 csi\u{9B}2J", "c1 csi\\u{9B}2J"),
        ("c1 osc\u{9D}0;x\u{9C}", "c1 osc\\u{9D}0;x\\u{9C}"),
        ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
        ("iso\u{2066}late\u{2069}", "iso\\u{2066}late\\u{2069}"),
        ("line\u{2028}sep\u{2029}", "line\\u{2028}sep\\u{2029}"),
        ("zero\u{200B}width\u{FEFF}", "zero\\u{200B}width\\u{FEFF}"),
        ("tab\tnew\nline", "tab\\tnew\\nline"),
    ])
    func controlsBecomeVisible(input: String, shown: String) {
        #expect(input.terminalSafe == shown)
        #expect(!shown.unicodeScalars.contains { TerminalSafe.needsEscape($0, lines: .single) })
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["Child's Pose", "Schulterbrücke · 30 s", "カウ", "مرحبا", "👨‍👩‍👧 family", "C:\\path", ""] {
            #expect(text.terminalSafe == text)
        }
    }

    @Test func linesKeepNewlinesAndTabsOnlyWhenAsked() {
        #expect("a\n\tb\r\n".terminalSafeLines == "a\n\tb\\r\n")
        #expect("a\n\tb".terminalSafe == "a\\n\\tb")
    }

    @Test func invalidUTF8BytesShowAsHex() {
        #expect(TerminalSafe.text(bytes: Array("ok".utf8) + [0xFF, 0x9B] + Array("2J".utf8)) == "ok\\xFF\\x9B2J")
        #expect(TerminalSafe.text(bytes: [0xC2, 0x9B, 0x41]) == "\\u{9B}A", "a C1 control encoded as UTF-8")
        #expect(TerminalSafe.text(bytes: [0xE2, 0x82]) == "\\xE2\\x82", "a sequence cut short")
        #expect(TerminalSafe.text(bytes: Array("é\u{1B}".utf8)) == "é\\x1B")
    }

    @Test func stylesPassOnlyWhenKeptAndOnlyColours() {
        let coloured = "\u{1B}[32m\"x\"\u{1B}[0m"
        #expect(TerminalSafe.text(coloured, keepingStyles: true) == coloured)
        #expect(TerminalSafe.text(coloured) == "\\x1B[32m\"x\"\\x1B[0m")
        #expect(TerminalSafe.text("\u{1B}[2J\u{1B}]0;t\u{07}", keepingStyles: true) == "\\x1B[2J\\x1B]0;t\\a")
    }

    @Test func spokenTextHasNoControlsAndIsNoOption() {
        #expect(TerminalSafe.spoken("Pose\u{1B}[2J\u{07}") == "Pose [2J ")
        #expect(TerminalSafe.spoken("-w /tmp/x.wav") == " -w /tmp/x.wav")
        #expect(
            !TerminalSafe.spoken("a\u{9B}\u{202E}\r\n").unicodeScalars.contains { TerminalSafe.needsEscape($0, lines: .single) })
    }
}
