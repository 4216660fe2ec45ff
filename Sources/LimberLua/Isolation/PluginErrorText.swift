import Foundation

/// Error text from plugins as limber reports it: bounded in length, with repeated location
/// prefixes collapsed.
///
/// A plugin controls its error messages: `error(string.rep("x", 1e8))` or errors re-raised
/// through nested coroutines (`a.lua:1: a.lua:1: a.lua:1: boom`). Every place that reports a
/// plugin's error goes through `clean`, so none prints megabytes or kilobytes of prefixes.
package enum PluginErrorText {
    /// The most bytes of a message that are kept; longer ones say how long they were.
    package static let maximumLength = 2_000
    /// How far past `maximumLength` a message may run before it is cut: enough that a message
    /// already cut (and so ending in its size) and then prefixed with a file name is not cut again.
    static let slack = 200

    /// The message cut to `maximumLength` bytes (at a character boundary) with the total size
    /// said, after collapsing runs of the same `file:line: ` prefix into one.
    package static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { clean(UnsafeRawBufferPointer($0)) }
    }

    /// `clean` on raw bytes, reading at most what it keeps (plus the prefix runs it skips).
    package static func clean(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var kept: [UInt8] = []
        kept.reserveCapacity(min(bytes.count, maximumLength + 4))
        var index = 0
        // Location prefixes first: each one once, however often it repeats.
        while let length = locationLength(bytes, at: index) {
            kept.append(contentsOf: bytes[index..<(index + length)])
            index += length
            while index + length <= bytes.count,
                memcmp(base + index, base + index - length, length) == 0
            {
                index += length
            }
            if kept.count >= maximumLength { break }
        }
        let rest = bytes.count - index
        let cut = kept.count + rest > maximumLength + slack
        let room = max(0, (cut ? maximumLength : maximumLength + slack) - kept.count)
        kept.append(contentsOf: bytes[index..<(index + min(room, rest))])
        if cut {
            if kept.count > maximumLength { kept.removeLast(kept.count - maximumLength) }
            // Never end inside a UTF-8 sequence.
            while let last = kept.last, last & 0xC0 == 0x80 { kept.removeLast() }
            if let last = kept.last, last >= 0xC0 { kept.removeLast() }
            return String(decoding: kept, as: UTF8.self) + "... (\(bytes.count) bytes in all)"
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The length of a `chunk:line: ` prefix at `start`, if one is there.
    private static func locationLength(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Int? {
        var index = start
        // The chunk name: no spaces or colons, at most 512 bytes.
        while index < bytes.count, index - start < 512, bytes[index] != UInt8(ascii: ":"),
            bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\n")
        {
            index += 1
        }
        guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        let digits = index
        while index < bytes.count, index - digits < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        guard index > digits, index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"),
            bytes[index + 1] == UInt8(ascii: " ")
        else { return nil }
        return index + 2 - start
    }
}

extension PluginErrorText {
    /// A Lua error message as the state hands it over (`message\nstack traceback:...`): the
    /// message cleaned, the traceback kept but bounded too.
    static func cleanWithTraceback(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let marker = Array("\nstack traceback:".utf8)
        var split: Int?
        var from = 0
        while from < bytes.count, let newline = memchr(base + from, 0x0A, bytes.count - from) {
            let at = base.distance(to: UnsafeRawPointer(newline))
            if at + marker.count <= bytes.count, memcmp(base + at, marker, marker.count) == 0 {
                split = at
                break
            }
            from = at + 1
        }
        guard let split else { return clean(bytes) }
        let message = clean(UnsafeRawBufferPointer(rebasing: bytes[..<split]))
        let traceback = UnsafeRawBufferPointer(rebasing: bytes[split...])
        let limit = 4 * maximumLength
        if traceback.count <= limit { return message + String(decoding: traceback, as: UTF8.self) }
        return message + String(decoding: traceback.prefix(limit), as: UTF8.self) + "\n\t..."
    }
}
