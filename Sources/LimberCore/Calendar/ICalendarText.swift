import Foundation

/// The text rules of iCalendar (RFC 5545): escaped values, CRLF line ends, content lines folded
/// at 75 octets without splitting a UTF-8 character.
package enum ICalendarText {
    /// A TEXT value: backslash, semicolon and comma escaped, newlines as `\n`.
    package static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                // Other control characters are not allowed in TEXT.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                    scalar.value < 0x20 || scalar.value == 0x7F
                {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// One content line, folded: no line longer than 75 octets, continuation lines starting with
    /// a space; every line ends in CRLF.
    package static func fold(_ line: String) -> String {
        var output = ""
        var current = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if current + size > limit {
                output += "\r\n "
                current = 0
                limit = 74 // the leading space counts
            }
            output.append(character)
            current += size
        }
        return output + "\r\n"
    }
}
