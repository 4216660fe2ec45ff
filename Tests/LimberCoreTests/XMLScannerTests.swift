import Foundation
import Testing

@testable import LimberCore

/// limber's own XML reader: what XML 1.0 with namespaces calls well-formed, the text and
/// attributes it reports, and the caps that bound what a hostile document costs.
@Suite("XML reader")
struct XMLScannerTests {
    /// Every event as text: `<name a=v>`, `</>`, and the text pieces joined.
    final class Recorder: XMLScannerSink {
        var events: [String] = []
        private var text = ""

        func startElement(_ name: String, attributes: [String: String]) throws(XMLSyntaxError) {
            flush()
            let pairs = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            events.append("<\(name)\(pairs)>")
        }

        func endElement() throws(XMLSyntaxError) {
            flush()
            events.append("</>")
        }

        func characters(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) throws(XMLSyntaxError) {
            text += String(decoding: piece, as: UTF8.self)
        }

        private func flush() {
            if !text.isEmpty { events.append(text) }
            text = ""
        }
    }

    static func read(_ bytes: [UInt8]) -> Result<[String], XMLSyntaxError> {
        let recorder = Recorder()
        let failure: XMLSyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            do throws(XMLSyntaxError) {
                try scanner.scan(into: recorder)
                return nil
            } catch {
                return error
            }
        }
        if let failure { return .failure(failure) }
        return .success(recorder.events)
    }

    static func read(_ text: String) -> Result<[String], XMLSyntaxError> { read(Array(text.utf8)) }

    static func refusal(_ text: String) -> String? {
        if case .failure(let error) = read(text) { error.message } else { nil }
    }

    /// Each document with what Python's expat (through defusedxml, DTDs forbidden) says of it.
    @Test(arguments: [
        ("<a/>", true),
        ("<?xml version=\"1.1\"?><a/>", true),
        ("<?xml version=\"2.0\"?><a/>", true),
        ("<?xml version=\"1.0\" encoding=\"latin1\"?><a/>", true),
        ("<a><?XML x?></a>", false),
        ("<a><?xml x?></a>", false),
        ("<a><?p:q x?></a>", false),
        ("<a:b:c xmlns:a=\"u\"/>", false),
        ("<:a/>", false),
        ("<a: xmlns:a=\"u\"/>", false),
        ("<a xmlns:p=\"\"/>", false),
        ("<a xmlns:xml=\"u\"/>", false),
        ("<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", false),
        ("<a xmlns:xmlns=\"u\"/>", false),
        ("<xml:a/>", true),
        ("<a xml:lang=\"x\"/>", true),
        ("<a p:x=\"1\" q:x=\"2\" xmlns:p=\"u\" xmlns:q=\"u\"/>", false),
        ("<a>\u{FFFE}</a>", false),
        ("<a>\u{85}</a>", true),
        ("<a>]]></a>", false),
        ("<a>&#0;</a>", false),
        ("<a>&#xD800;</a>", false),
        ("<a>&#x110000;</a>", false),
        ("<a>&#1114111;</a>", true),
        ("<a b=\"1\"c=\"2\"/>", false),
        ("<a/ >", false),
        ("<\u{E9}/>", true),
        ("<\u{300}/>", false),
        ("<a\u{B7}/>", true),
        ("<!---->x", false),
        ("<a><!----></a>", true),
        ("<a><!-- --- --></a>", false),
        ("\u{FEFF}<a/>", true),
        ("<?xml version=\"1.0\"?>\u{FEFF}<a/>", false),
        (" <?xml version=\"1.0\"?><a/>", false),
        ("<a>&unknown;</a>", false),
        ("<a><![CDATA[x]]></a>", true),
        ("<![CDATA[x]]><a/>", false),
        ("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", false),
        ("<?xml version=\"1.0\" encoding=\"utf-8\" ?><a/>", true),
        ("<?xml version='1.0'?><a/>", true),
        ("<?xml  version=\"1.0\"  encoding=\"UTF-8\"  standalone=\"no\" ?><a/>", true),
        ("<?xml encoding=\"UTF-8\"?><a/>", false),
        ("<a><?pi?></a>", true),
        ("<a><?pi x?></a>", true),
        ("<a><?pi\tx?></a>", true),
        ("<a x=\"&#60;\"/>", true),
        ("<a x=\"<\"/>", false),
        ("<a>\u{0}</a>", false),
        ("<a></a >", true),
        ("<a></ a>", false),
        ("< a/>", false),
        ("<a\n/>", true),
        ("<a x = \"1\"/>", true),
        ("<a xmlns=\"u\"><b xmlns=\"\"/></a>", true),
        ("<p:a xmlns:p=\"u\"><p:b xmlns:p=\"v\"/></p:a>", true),
        ("<a>\u{7F}</a>", true),
        ("<a>\u{80}</a>", true),
        ("<a>\u{FEFF}</a>", true),
        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", false),
        ("<?xml version=\"1.0\" encoding=\"ascii\"?><a/>", true),
        ("<?xml version=\"1.0\" encoding=\"us-ascii\"?><a/>", true),
        ("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a/>", true),
        ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>", true),
        ("<?xml version=\"1.0\" encoding=\"ebcdic\"?><a/>", false),
        ("<?xml version=\"1.0\" encoding=\"utf8\"?><a/>", true),
        ("<a x=\"1\" x=\"2\"/>", false),
        ("<a xmlns:p=\"u\" xmlns:p=\"v\"/>", false),
        ("<a p:x=\"1\"/>", false),
        ("<p:a/>", false),
        ("<a>&amp;&lt;&gt;&apos;&quot;&#x41;&#65;</a>", true),
        ("<a>&#x;</a>", false),
        ("<a>&#;</a>", false),
        ("<a>&#X41;</a>", false),
        ("<a>&#x0041;</a>", true),
        ("<a>& b</a>", false),
        ("<a>&a b;</a>", false),
        ("<a/><b/>", false),
        ("<a/>x", false),
        ("x<a/>", false),
        ("<a/><!-- c --><?p?>  ", true),
        ("", false),
        ("   ", false),
        ("<a>", false),
        ("<a></b>", false),
        ("<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", false),
        ("<a><![CDATA[]]]]></a>", true),
        ("<a><![cdata[x]]></a>", false),
        ("<!DOCTYPE a><a/>", false),
        ("<a xmlns:a=\"u\" a:b=\"1\" b=\"1\"/>", true),
        ("<a\u{A0}/>", false),
        ("<a>\r\n</a>", true),
        ("<a x=\"\t\"/>", true),
        ("<a\t/>", true),
        ("<a b=\"1\"/\n>", false),
    ])
    func wellFormedAsExpatSays(document: String, wellFormed: Bool) {
        switch Self.read(document) {
        case .success: #expect(wellFormed, "read, where expat refuses it")
        case .failure(let error): #expect(!wellFormed, "refused (\(error.message)) where expat reads it")
        }
    }

    @Test func namesFollowTheFifthEditionWhereExpatKeepsTheSecond() {
        // U+2C00 and U+10000 start names since XML 1.0's fifth edition; expat keeps the older tables.
        #expect((try? Self.read("<\u{2C00}/>").get()) == ["<\u{2C00}>", "</>"])
        #expect((try? Self.read("<\u{10000}/>").get()) == ["<\u{10000}>", "</>"])
        #expect(Self.refusal("<\u{300}/>") != nil, "a combining mark does not start a name")
    }

    @Test func textComesWithReferencesReplacedAndLineEndsMadeLineFeeds() throws {
        let events = try Self.read("<a>x&amp;&lt;&gt;&apos;&quot;&#65;&#x42;&#x1F3C3;\r\ny\rz<![CDATA[<&]]>\r</a>").get()
        #expect(events == ["<a>", "x&<>'\"AB\u{1F3C3}\ny\nz<&\n", "</>"])
    }

    @Test func attributesAreNormalizedAndNamespaceDeclarationsLeftOut() throws {
        let events = try Self.read("<g:a xmlns:g='urn:g' xmlns='urn:d' lat=\" 1\t2\r\n3&#10;\" g:b=\"&amp;\" xml:lang='en'/>")
            .get()
        #expect(events == ["<a g:b=& lat= 1 2 3\n xml:lang=en>", "</>"])
    }

    @Test func aDocumentTypeDeclarationIsRefusedSoNoEntityIsEverDeclared() {
        let laughs = "<!DOCTYPE a [<!ENTITY x \"xx\"><!ENTITY y \"&x;&x;\">]><a>&y;</a>"
        #expect(Self.refusal(laughs)?.contains("document type declaration") == true)
        #expect(Self.refusal("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>")?.contains("document type declaration") == true)
        #expect(Self.refusal("<a>&x;</a>") == "an undefined entity &x;")
    }

    @Test func onlyUTF8IsRead() {
        #expect(Self.refusal("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>")?.contains("only UTF-8") == true)
        #expect(Self.refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u{E9}</a>")?.contains("only UTF-8") == true)
        #expect(Self.refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>e</a>") == nil, "ASCII is the same bytes")
        #expect(Self.refusal("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\u{E9}</a>") == nil)
        guard case .failure(let error) = Self.read([0x3C, 0x61, 0x3E, 0xE9, 0x3C, 0x2F, 0x61, 0x3E]) else {
            Issue.record("a Latin-1 byte was read")
            return
        }
        #expect(error == XMLSyntaxError("not UTF-8 text", at: 3))
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
        for bad: [UInt8] in [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0xE2, 0x82],
        ] {
            if case .success = Self.read([0x3C, 0x61, 0x3E] + bad + [0x3C, 0x2F, 0x61, 0x3E]) {
                Issue.record("\(bad) was read")
            }
        }
    }

    @Test func whatOneDocumentCostsIsCapped() {
        let deep = String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65)
        #expect(Self.refusal(deep) == "elements nest deeper than 64")
        #expect(Self.refusal(String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)) == nil)
        #expect(Self.refusal("<\(String(repeating: "n", count: 257))/>") == "an element name longer than 256 bytes")
        let attributes = (0..<65).map { " a\($0)='1'" }.joined()
        #expect(Self.refusal("<a\(attributes)/>") == "<a> has more than 64 attributes")
        #expect(Self.refusal("<a v='\(String(repeating: "v", count: 4097))'/>") == "an attribute value longer than 4096 bytes")
        // A reference to a huge number stops growing and is refused, never overflows.
        #expect(
            Self.refusal("<a>&#\(String(repeating: "9", count: 100));</a>") == "a reference to a character XML does not allow")
    }

    @Test func aCutDocumentSaysSoWhereverItIsCut() {
        let document = "<?xml version=\"1.0\"?><a x='1'><!-- c --><?p d?><![CDATA[t]]>&amp;&#65;<b/></a>"
        let bytes = Array(document.utf8)
        for cut in 1..<bytes.count {
            guard case .failure(let error) = Self.read(Array(bytes[0..<cut])) else {
                Issue.record("cut at \(cut) was read")
                continue
            }
            #expect(error.offset <= cut)
        }
        #expect(Self.refusal(document) == nil)
    }

    @Test func errorsNameTheirLine() throws {
        let error = #expect(throws: RunFileError.self) {
            try GPXReader.contents(of: Data("<?xml version=\"1.0\"?>\r\n<gpx>\n<trk>\r</gpx>".utf8))
        }
        #expect(error?.message == "not a valid GPX file: </gpx> does not close <trk> at line 4")
    }
}
