import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs the toolchain's streaming XML parser over a file's bytes with a handler, hardened for
/// files from anywhere: no external entities, and a document that declares entities of its own
/// (the "billion laughs" kind) or nests absurdly deep is refused.
final class XMLActivityParser: NSObject, XMLParserDelegate {
    /// What GPX and TCX readers implement: elements by local name with their parents, and text.
    protocol Handler: AnyObject {
        func start(_ name: String, attributes: [String: String], path: [String])
        func end(_ name: String, text: String, path: [String])
        /// Whether the text of the element `name` (inside `path`) is wanted.
        func wantsText(_ name: String, path: [String]) -> Bool
    }

    /// Deeper than any GPX or TCX file nests.
    static let maximumDepth = 64
    /// The most text kept for one element: times, types and numbers are short.
    static let maximumText = 256

    private let handler: any Handler
    private var path: [String] = []
    private var text = ""
    private var collecting = false
    private var problem: String?
    private var errorCode: Int?

    private init(handler: any Handler) {
        self.handler = handler
    }

    /// Parses `data`, or fails with the parser's line and message.
    static func parse(_ data: Data, format: String, with handler: any Handler) throws(RunFileError) {
        // FoundationXML traps on bytes that are not UTF-8 in some places (a comment's, found by
        // fuzzing), so only UTF-8 text reaches it: the encoding GPX and TCX writers use.
        if let offset = firstInvalidUTF8(in: data) {
            throw RunFileError("not a valid \(format) file: not UTF-8 text (byte \(offset + 1))")
        }
        // It also crashes on a processing instruction with no data (`<?name?>`, found by fuzzing).
        if let offset = firstBareProcessingInstruction(in: data) {
            throw RunFileError("not a valid \(format) file: a processing instruction without data (byte \(offset + 1))")
        }
        let delegate = XMLActivityParser(handler: handler)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let problem = delegate.problem { throw RunFileError("not a valid \(format) file: \(problem)") }
        // The parser may report an error to its delegate and still return true.
        if !finished || delegate.errorCode != nil {
            let code = delegate.errorCode ?? parser.parserError.map { ($0 as NSError).code } ?? 0
            throw RunFileError("not a valid \(format) file: \(describe(code)) at line \(parser.lineNumber)")
        }
    }

    /// The offset of the first `<?target?>`: a processing instruction whose target is followed
    /// at once by `?>`, which libxml2 hands to FoundationXML with no data at all.
    static func firstBareProcessingInstruction(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else { continue }
            var end = index + 2
            while end < bytes.count, ![UInt8(ascii: " "), 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[end]) {
                end += 1
            }
            if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") { return index }
        }
        return nil
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8, or nil.
    static func firstInvalidUTF8(in data: Data) -> Int? {
        if String(validating: data, as: UTF8.self) != nil { return nil }
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let length: Int
            switch bytes[offset] {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= bytes.count,
                String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil
            else { return offset }
            offset += length
        }
        return nil
    }

    /// A few of libxml2's error codes in words; the others by number.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "no XML in it"
        case 5: "the XML breaks off (cut short?)"
        case 89: "entity references that loop or expand too far"
        case 104, 110: "entities that expand too far"
        default: "malformed XML (libxml2 error \(code))"
        }
    }

    private func stop(_ parser: XMLParser, _ message: String) {
        if problem == nil { problem = message }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard problem == nil else { return }
        guard path.count < Self.maximumDepth else { return stop(parser, "elements nest deeper than \(Self.maximumDepth)") }
        handler.start(elementName, attributes: attributes, path: path)
        collecting = handler.wantsText(elementName, path: path)
        text = ""
        path.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard problem == nil else { return }
        if !path.isEmpty { path.removeLast() }
        handler.end(elementName, text: collecting ? text.trimmingCharacters(in: .whitespacesAndNewlines) : "", path: path)
        collecting = false
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting, problem == nil else { return }
        if text.utf8.count + string.utf8.count > Self.maximumText {
            return stop(parser, "the text of <\(path.last ?? "?")> is longer than \(Self.maximumText) bytes")
        }
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorCode == nil { errorCode = (parseError as NSError).code }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(parser, "it declares entities (&\(name);), which activity files never do")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        stop(parser, "it declares entities (&\(name);), which activity files never do")
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        stop(parser, "it carries a document type definition, which activity files never do")
    }

}
