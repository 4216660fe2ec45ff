/// What ``XMLScanner`` reports as it reads: elements by local name with their attributes, and the
/// text between them.
protocol XMLScannerSink: AnyObject {
    /// An element opens: its local name, and its attributes (not the `xmlns` ones) by the name
    /// they are written with, values normalized.
    func startElement(_ name: String, attributes: [String: String]) throws(XMLSyntaxError)
    /// The innermost open element closes.
    func endElement() throws(XMLSyntaxError)
    /// Some of an element's text, references replaced and line ends made `\n` (one element's
    /// text may come in several pieces). `offset` is where it starts in the document.
    func characters(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) throws(XMLSyntaxError)
}

/// A small XML reader of our own for the XML that GPX and TCX files are: checks that a document
/// is well-formed XML 1.0 with namespaces and reports its elements and text to a sink.
///
/// It reads elements, attributes, text, CDATA sections, comments, processing instructions, the
/// XML declaration, the five predefined entities and character references. A document type
/// declaration is refused (so no entity of any kind can be declared, and nothing outside the file
/// is ever read), and so is any encoding but UTF-8 (ASCII text that calls itself ISO-8859-1 or
/// US-ASCII is the same bytes and is read). Every byte is checked to be UTF-8 and an XML `Char`
/// before anything else is read. Depth, names, attributes and attribute values are capped, so the
/// memory one document costs is bounded however it is built, and each byte is looked at a fixed
/// number of times: time is linear in the size of the file.
struct XMLScanner {
    /// Deeper than any GPX or TCX file nests.
    static let maximumDepth = 64
    /// Longer than any element or attribute name in GPX, TCX or their extensions.
    static let maximumNameLength = 256
    /// More attributes than any element of theirs carries.
    static let maximumAttributes = 64
    /// Longer than any attribute value of theirs (schema locations are the long ones).
    static let maximumAttributeValue = 4096

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The qualified names of the open elements, outermost first.
    var open: [String] = []
    var namespaces = XMLNamespaces()
    var sawRoot = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the whole document, reporting to `sink`; the first problem met is the error.
    mutating func scan(into sink: some XMLScannerSink) throws(XMLSyntaxError) {
        if let (offset, problem) = XMLCharacters.firstInvalid(in: bytes) { throw XMLSyntaxError(problem, at: offset) }
        if starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if starts(with: Array("<?xml".utf8)), position + 5 < bytes.count, XMLCharacters.isSpace(bytes[position + 5]) {
            try declaration()
        }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                try markup(sink)
            } else if open.isEmpty {
                try spaceOutsideRoot()
            } else {
                try text(sink)
            }
        }
        if !open.isEmpty { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: position) }
        if !sawRoot { throw XMLSyntaxError("no XML element in it", at: position) }
    }

    // MARK: - Markup

    private mutating func markup(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        let start = position
        guard position + 1 < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        switch bytes[position + 1] {
        case UInt8(ascii: "/"):
            try endTag(sink)
        case UInt8(ascii: "?"):
            try processingInstruction()
        case UInt8(ascii: "!"):
            if starts(with: Array("<!--".utf8)) {
                try comment()
            } else if starts(with: Array("<![CDATA[".utf8)) {
                guard !open.isEmpty else { throw XMLSyntaxError("a CDATA section outside the root element", at: start) }
                try cdata(sink)
            } else if starts(with: Array("<!DOCTYPE".utf8)) {
                throw XMLSyntaxError("a document type declaration (<!DOCTYPE), which activity files never carry", at: start)
            } else {
                throw XMLSyntaxError("'<!' that starts no comment or CDATA section", at: start)
            }
        default:
            guard open.isEmpty ? !sawRoot : true else { throw XMLSyntaxError("a second root element", at: start) }
            try startTag(sink)
        }
    }

    private mutating func startTag(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        let start = position
        position += 1
        let name = try self.name("an element name")
        var attributes: [(name: String, value: String, offset: Int)] = []
        var empty = false
        while true {
            let spaced = skipSpace()
            guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                break
            }
            if bytes[position] == UInt8(ascii: "/") {
                guard position + 1 < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
                guard bytes[position + 1] == UInt8(ascii: ">") else {
                    throw XMLSyntaxError("'/' not followed by '>'", at: position)
                }
                position += 2
                empty = true
                break
            }
            guard spaced else { throw XMLSyntaxError("no white space before an attribute of <\(name)>", at: position) }
            let offset = position
            let attribute = try self.name("an attribute name")
            skipSpace()
            guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
            guard bytes[position] == UInt8(ascii: "=") else {
                throw XMLSyntaxError("attribute \(attribute) has no value", at: position)
            }
            position += 1
            skipSpace()
            let value = try attributeValue()
            guard !attributes.contains(where: { $0.name == attribute }) else {
                throw XMLSyntaxError("<\(name)> has attribute \(attribute) twice", at: offset)
            }
            guard attributes.count < Self.maximumAttributes else {
                throw XMLSyntaxError("<\(name)> has more than \(Self.maximumAttributes) attributes", at: offset)
            }
            attributes.append((attribute, value, offset))
        }
        guard open.count < Self.maximumDepth else {
            throw XMLSyntaxError("elements nest deeper than \(Self.maximumDepth)", at: start)
        }
        let (local, reported) = try resolve(name, attributes, at: start)
        open.append(name)
        sawRoot = true
        try sink.startElement(local, attributes: reported)
        if empty { try close(sink) }
    }

    /// Opens the element's namespace scope and checks its prefixes: its local name and the
    /// attributes the sink sees.
    private mutating func resolve(
        _ name: String, _ attributes: [(name: String, value: String, offset: Int)], at start: Int
    ) throws(XMLSyntaxError) -> (String, [String: String]) {
        var declarations: [(prefix: String, uri: String)] = []
        var reported: [String: String] = [:]
        var prefixed: [(prefix: String, local: String, offset: Int)] = []
        for attribute in attributes {
            let (prefix, local) = try split(attribute.name, at: attribute.offset)
            if prefix == nil && local == "xmlns" {
                declarations.append(("", attribute.value))
            } else if prefix == "xmlns" {
                declarations.append((local, attribute.value))
            } else {
                reported[attribute.name] = attribute.value
                if let prefix { prefixed.append((prefix, local, attribute.offset)) }
            }
        }
        if let problem = namespaces.open(declarations) { throw XMLSyntaxError(problem, at: start) }
        let (prefix, local) = try split(name, at: start)
        if let prefix, namespaces.uri(of: prefix) == nil {
            throw XMLSyntaxError("the prefix \(prefix) of <\(name)> is not declared", at: start)
        }
        var expanded: [(String, String)] = []
        for attribute in prefixed {
            guard let uri = namespaces.uri(of: attribute.prefix) else {
                throw XMLSyntaxError("the prefix \(attribute.prefix) of an attribute is not declared", at: attribute.offset)
            }
            guard !expanded.contains(where: { $0 == (uri, attribute.local) }) else {
                throw XMLSyntaxError("<\(name)> has attribute \(attribute.local) of \(uri) twice", at: attribute.offset)
            }
            expanded.append((uri, attribute.local))
        }
        return (local, reported)
    }

    /// A qualified name's prefix and local part; more than one colon, or one at either end, is
    /// not a name in a document with namespaces.
    private func split(_ name: String, at offset: Int) throws(XMLSyntaxError) -> (String?, String) {
        let parts = name.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (nil, name)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
            // The local part is a name of its own: it starts as a name starts.
            let local = String(decoding: parts[1], as: UTF8.self)
            guard let first = local.unicodeScalars.first, XMLCharacters.isNameStart(first.value) else { break }
            return (String(decoding: parts[0], as: UTF8.self), local)
        default: break
        }
        throw XMLSyntaxError("\(name) is not a name a document with namespaces may use", at: offset)
    }

    private mutating func endTag(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        let start = position
        position += 2
        let name = try self.name("an element name")
        skipSpace()
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        guard bytes[position] == UInt8(ascii: ">") else { throw XMLSyntaxError("</\(name) not closed by '>'", at: position) }
        guard let innermost = open.last else { throw XMLSyntaxError("</\(name)> closes nothing", at: start) }
        guard innermost == name else { throw XMLSyntaxError("</\(name)> does not close <\(innermost)>", at: start) }
        position += 1
        try close(sink)
    }

    private mutating func close(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        open.removeLast()
        namespaces.close()
        try sink.endElement()
    }

    // MARK: - Names and space

    /// A `Name` (production 5) at the position, colons included, at most ``maximumNameLength`` bytes.
    mutating func name(_ what: String) throws(XMLSyntaxError) -> String {
        let start = position
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        var first = true
        while position < bytes.count {
            let (value, length) = XMLCharacters.scalar(in: bytes, at: position)
            let colon = value == UInt32(UInt8(ascii: ":"))
            guard colon || (first ? XMLCharacters.isNameStart(value) : XMLCharacters.isName(value)) else { break }
            first = false
            position += length
            if position - start > Self.maximumNameLength {
                throw XMLSyntaxError("\(what) longer than \(Self.maximumNameLength) bytes", at: start)
            }
        }
        guard position > start else { throw XMLSyntaxError("\(what) expected", at: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Skips white space; whether there was any.
    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, XMLCharacters.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    func starts(with prefix: [UInt8]) -> Bool {
        guard bytes.count - position >= prefix.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[position + index] != byte { return false }
        return true
    }

    /// The offset of the first `terminator` at or after `from`, or nil.
    func find(_ terminator: [UInt8], from: Int) -> Int? {
        guard let first = terminator.first, terminator.count <= bytes.count else { return nil }
        var index = from
        let last = bytes.count - terminator.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<terminator.count where bytes[index + offset] != terminator[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    private mutating func spaceOutsideRoot() throws(XMLSyntaxError) {
        guard skipSpace() else {
            throw XMLSyntaxError(sawRoot ? "text after the root element" : "text before the root element", at: position)
        }
    }
}
