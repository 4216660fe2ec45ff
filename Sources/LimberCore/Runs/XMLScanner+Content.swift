/// Text, references, attribute values, comments, processing instructions, CDATA sections and the
/// XML declaration.
extension XMLScanner {
    private static let newline: [UInt8] = [0x0A]
    /// Encodings whose ASCII bytes are ASCII: a file that names one and holds only ASCII is UTF-8 too.
    private static let asciiCompatible: Set<String> = [
        "us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1", "iso-8859-15", "windows-1252", "cp1252", "iso646-us",
    ]

    /// Character data up to the next markup (production 14: no `]]>` in it).
    mutating func text(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        var run = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") {
                try emit(run..<position, to: sink)
                let start = position
                var decoded: [UInt8] = []
                try reference(into: &decoded)
                try decoded.withUnsafeBufferPointer { (piece) throws(XMLSyntaxError) in try sink.characters(piece, at: start) }
                run = position
                continue
            }
            if byte == UInt8(ascii: "]") && starts(with: [0x5D, 0x5D, 0x3E]) {
                throw XMLSyntaxError("']]>' in text", at: position)
            }
            position += 1
        }
        try emit(run..<position, to: sink)
    }

    /// Hands `range` to the sink with each line end (CR LF, or CR alone) made one line feed.
    private func emit(_ range: Range<Int>, to sink: some XMLScannerSink) throws(XMLSyntaxError) {
        var start = range.lowerBound
        var index = start
        while index < range.upperBound {
            guard bytes[index] == 0x0D else {
                index += 1
                continue
            }
            if index > start { try sink.characters(UnsafeBufferPointer(rebasing: bytes[start..<index]), at: start) }
            try Self.newline.withUnsafeBufferPointer { (piece) throws(XMLSyntaxError) in try sink.characters(piece, at: index) }
            index += 1
            if index < range.upperBound && bytes[index] == 0x0A { index += 1 }
            start = index
        }
        if index > start { try sink.characters(UnsafeBufferPointer(rebasing: bytes[start..<index]), at: start) }
    }

    /// A reference at `&` (productions 66, 67, 68): a character reference, or one of the five
    /// entities XML predefines; the text it stands for is appended to `text`.
    mutating func reference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        let start = position
        position += 1
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        if bytes[position] == UInt8(ascii: "#") {
            position += 1
            var radix: UInt32 = 10
            if position < bytes.count && bytes[position] == UInt8(ascii: "x") {
                radix = 16
                position += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while position < bytes.count, let digit = Self.digit(bytes[position], radix: radix) {
                // Past U+10FFFF it is refused below; stop growing so the number cannot overflow.
                value = min(value * radix + digit, 0x11_0000)
                digits += 1
                position += 1
            }
            guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
            guard digits > 0, bytes[position] == UInt8(ascii: ";") else {
                throw XMLSyntaxError("a malformed character reference", at: start)
            }
            position += 1
            guard XMLCharacters.isChar(value) else {
                throw XMLSyntaxError("a reference to a character XML does not allow", at: start)
            }
            XMLCharacters.append(value, to: &text)
            return
        }
        let name = try self.name("an entity name after '&'")
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        guard bytes[position] == UInt8(ascii: ";") else { throw XMLSyntaxError("'&\(name)' not ended by ';'", at: start) }
        position += 1
        switch name {
        case "amp": text.append(UInt8(ascii: "&"))
        case "lt": text.append(UInt8(ascii: "<"))
        case "gt": text.append(UInt8(ascii: ">"))
        case "apos": text.append(UInt8(ascii: "'"))
        case "quot": text.append(UInt8(ascii: "\""))
        default: throw XMLSyntaxError("an undefined entity &\(name);", at: start)
        }
    }

    private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// A quoted attribute value (production 10), normalized as XML 1.0 section 3.3.3 says for
    /// attributes without a declaration: references replaced, each white-space character a space.
    mutating func attributeValue() throws(XMLSyntaxError) -> String {
        let start = position
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        let quote = bytes[position]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw XMLSyntaxError("an attribute value not in quotes", at: start)
        }
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
            let byte = bytes[position]
            switch byte {
            case quote:
                position += 1
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw XMLSyntaxError("'<' in an attribute value", at: position)
            case UInt8(ascii: "&"):
                try reference(into: &value)
            case 0x0D:
                value.append(0x20)
                position += 1
                if position < bytes.count && bytes[position] == 0x0A { position += 1 }
            case 0x09, 0x0A:
                value.append(0x20)
                position += 1
            default:
                value.append(byte)
                position += 1
            }
            if value.count > Self.maximumAttributeValue {
                throw XMLSyntaxError("an attribute value longer than \(Self.maximumAttributeValue) bytes", at: start)
            }
        }
    }

    /// `<!-- ... -->` (production 15: no `--` inside).
    mutating func comment() throws(XMLSyntaxError) {
        let start = position
        guard let dashes = find([0x2D, 0x2D], from: position + 4), dashes + 2 < bytes.count else {
            throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start)
        }
        guard bytes[dashes + 2] == UInt8(ascii: ">") else { throw XMLSyntaxError("'--' inside a comment", at: dashes) }
        position = dashes + 3
    }

    /// `<?target data?>` (production 16); the data is passed over.
    mutating func processingInstruction() throws(XMLSyntaxError) {
        let start = position
        position += 2
        let target = try name("a processing instruction's target")
        if target.utf8.count == 3 && target.lowercased() == "xml" {
            throw XMLSyntaxError(
                target == "xml" ? "an XML declaration that is not at the start" : "a processing instruction named \(target)",
                at: start)
        }
        if target.utf8.contains(UInt8(ascii: ":")) {
            throw XMLSyntaxError("a processing instruction target with a colon", at: start)
        }
        if starts(with: [0x3F, 0x3E]) {
            position += 2
            return
        }
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        guard XMLCharacters.isSpace(bytes[position]) else {
            throw XMLSyntaxError("a processing instruction's target not followed by white space", at: position)
        }
        guard let end = find([0x3F, 0x3E], from: position) else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        position = end + 2
    }

    /// `<![CDATA[ ... ]]>` (production 18): its content is text, as it stands.
    mutating func cdata(_ sink: some XMLScannerSink) throws(XMLSyntaxError) {
        let start = position
        guard let end = find([0x5D, 0x5D, 0x3E], from: position + 9) else {
            throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start)
        }
        try emit((position + 9)..<end, to: sink)
        position = end + 3
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` at the very start (production 23).
    mutating func declaration() throws(XMLSyntaxError) {
        let start = position
        position += 5
        func malformed() -> XMLSyntaxError { XMLSyntaxError("a malformed XML declaration", at: start) }
        skipSpace()
        guard starts(with: Array("version".utf8)) else { throw malformed() }
        position += 7
        // The version as the fourth edition has it (production 26), which expat keeps.
        let version = try declarationValue(start)
        guard !version.isEmpty, version.utf8.allSatisfy({ Self.isVersion($0) }) else { throw malformed() }
        var spaced = skipSpace()
        var encoding: String?
        if spaced && starts(with: Array("encoding".utf8)) {
            position += 8
            let name = try declarationValue(start)
            guard let first = name.utf8.first, Self.isLetter(first),
                name.utf8.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D })
            else { throw malformed() }
            encoding = name
            spaced = skipSpace()
        }
        if spaced && starts(with: Array("standalone".utf8)) {
            position += 10
            guard ["yes", "no"].contains(try declarationValue(start)) else { throw malformed() }
            skipSpace()
        }
        guard starts(with: [0x3F, 0x3E]) else {
            throw position >= bytes.count ? XMLSyntaxError(XMLSyntaxError.cutShort, at: start) : malformed()
        }
        position += 2
        guard let encoding else { return }
        let lower = encoding.lowercased()
        if lower == "utf-8" || lower == "utf8" { return }
        if Self.asciiCompatible.contains(lower) && !bytes.contains(where: { $0 >= 0x80 }) { return }
        throw XMLSyntaxError("it declares the encoding \(encoding); only UTF-8 activity files are read", at: start)
    }

    /// `= "value"` or `= 'value'` in the XML declaration.
    private mutating func declarationValue(_ start: Int) throws(XMLSyntaxError) -> String {
        skipSpace()
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        guard bytes[position] == UInt8(ascii: "=") else { throw XMLSyntaxError("a malformed XML declaration", at: start) }
        position += 1
        skipSpace()
        guard position < bytes.count else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        let quote = bytes[position]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw XMLSyntaxError("a malformed XML declaration", at: start)
        }
        guard let end = find([quote], from: position + 1) else { throw XMLSyntaxError(XMLSyntaxError.cutShort, at: start) }
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]), as: UTF8.self)
        position = end + 1
        return value
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    private static func isVersion(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 0x5F || byte == 0x2E || byte == 0x3A || byte == 0x2D
    }
}
