/// The timestamps of export files: `2024-05-01T07:30:00Z`, whole seconds, UTC.
enum LogTime {
    /// Formats whole seconds since 1970 as UTC ISO 8601.
    static func format(_ stamp: Int64) -> String {
        let seconds = Int(stamp)
        let (year, month, day) = LocalDay(number: LocalDay.floorDiv(seconds, 86_400)).components
        let time = LocalDay.floorMod(seconds, 86_400)
        guard (0...9999).contains(year) else {
            return LocalDay(number: LocalDay.floorDiv(seconds, 86_400)).iso + "T" + LocalDay.pad(time / 3600, 2) + ":"
                + LocalDay.pad(time / 60 % 60, 2) + ":" + LocalDay.pad(time % 60, 2) + "Z"
        }
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int, at offset: Int, width: Int) {
            var value = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 0, width: 4)
        put(month, at: 5, width: 2)
        put(day, at: 8, width: 2)
        put(time / 3600, at: 11, width: 2)
        put(time / 60 % 60, at: 14, width: 2)
        put(time % 60, at: 17, width: 2)
        for (offset, character) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
            bytes[offset] = UInt8(ascii: character)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`; fractions are dropped.
    static func parse(_ text: String) -> Int64? {
        if let stamp = parseExported(text) { return stamp }
        let characters = Array(text)
        guard characters.count >= 17, characters[10] == "T" || characters[10] == " ",
            let day = LocalDay(iso: String(characters[0..<10]))
        else { return nil }
        var rest = characters[11...]
        // The zone: Z or ±HH:MM at the end.
        var offset = 0
        if rest.last == "Z" {
            rest = rest.dropLast()
        } else if rest.count >= 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = String(rest.suffix(5))
            let parts = zone.split(separator: ":")
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (sign == "+" ? 1 : -1)
            rest = rest.dropLast(6)
        } else {
            return nil
        }
        let clock = String(rest).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        if clock.count == 2, !digits(clock[1]) { return nil }
        let fields = clock[0].split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ $0.count == 2 && digits($0) }) else { return nil }
        guard let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60 else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) : 0
        guard let second, second < 60 else { return nil }
        return Int64(day.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    /// The exact form exports write, `2024-05-01T07:30:00Z`, read straight from its bytes.
    private static func parseExported(_ text: String) -> Int64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ from: Int, _ width: Int) -> Int? {
                var value = 0
                for index in from..<from + width {
                    let byte = bytes[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                hour < 24, minute < 60, second < 60, let date = LocalDay(year: year, month: month, day: day)
            else { return nil }
            return Int64(date.number) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        } ?? nil
    }
}
