/// The timestamps of export files: `2024-05-01T07:30:00Z`, whole seconds, UTC.
enum LogTime {
    /// Formats whole seconds since 1970 as UTC ISO 8601.
    static func format(_ stamp: Int64) -> String {
        let seconds = Int(stamp)
        let day = LocalDay(number: LocalDay.floorDiv(seconds, 86_400))
        let time = LocalDay.floorMod(seconds, 86_400)
        return day.iso + "T" + LocalDay.pad(time / 3600, 2) + ":" + LocalDay.pad(time / 60 % 60, 2) + ":"
            + LocalDay.pad(time % 60, 2) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`; fractions are dropped.
    static func parse(_ text: String) -> Int64? {
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
}
