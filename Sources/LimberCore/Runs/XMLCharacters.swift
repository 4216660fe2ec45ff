/// The character classes of XML 1.0 (fifth edition) that ``XMLScanner`` needs, over UTF-8 bytes.
enum XMLCharacters {
    /// The offset of the first byte that is not well-formed UTF-8 or that encodes a character XML
    /// does not allow (production 2, `Char`: no controls other than tab, line feed and carriage
    /// return, no U+FFFE or U+FFFF; surrogates and values past U+10FFFF are not UTF-8 at all),
    /// with what is wrong there; nil when every byte is fine.
    static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: String)? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D {
                    return (index, "a control character XML does not allow (\(hex(UInt32(lead))))")
                }
                index += 1
                continue
            }
            // The ranges of the second byte depend on the first (Unicode table 3-7); later ones are 80...BF.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: return (index, "not UTF-8 text")
            }
            guard index + length <= count, second.contains(bytes[index + 1]) else { return (index, "not UTF-8 text") }
            for next in (index + 2)..<(index + length) where !(0x80...0xBF).contains(bytes[next]) {
                return (index, "not UTF-8 text")
            }
            // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
            if lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return (index, "a character XML does not allow (\(hex(0xFFFE + UInt32(bytes[index + 2] - 0xBE))))")
            }
            index += length
        }
        return nil
    }

    /// The scalar at `index` of bytes already checked by ``firstInvalid(in:)``, and its length.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | next(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3) }
        return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
    }

    /// Production 4, `NameStartChar`, without the colon (namespaces make it a separator).
    static func isNameStart(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F,
            0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default: false
        }
    }

    /// Production 4a, `NameChar`, without the colon.
    static func isName(_ value: UInt32) -> Bool {
        switch value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStart(value)
        }
    }

    /// Production 3, `S`: space, tab, carriage return, line feed.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Production 2, `Char`, for a character reference's value.
    static func isChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `U+0001`.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The UTF-8 bytes of a scalar that ``isChar(_:)`` accepted.
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18 & 0x07))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
