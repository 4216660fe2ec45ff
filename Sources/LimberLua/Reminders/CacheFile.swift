import Foundation
import LimberCore

/// A file `limber remind` keeps in its cache folder to start faster (the reminder index, the
/// log reads): a header line `MAGIC VERSION SHA256`, then a body of lines whose SHA-256 the
/// header names, written to a file of its own and renamed into place.
///
/// A cache file is only ever a shortcut: one that is missing, unreadable, not a regular file,
/// larger than its limit, of another version, truncated or edited reads as no file, and the
/// run does the work it stands for.
struct CacheFile {
    var url: URL
    var frame: Frame
    /// The largest file read; a larger one reads as no file (and is not written).
    var maximumSize: Int

    /// What a cache file's header says it is: the first word names the kind of file.
    struct Frame {
        var magic: String
        var version: Int

        /// The length of the header line (`MAGIC VERSION` and the hash's 64 hex digits).
        var headerSize: Int { "\(magic) \(version) ".utf8.count + 65 }

        /// The body of a file's bytes, if the header names this magic, version and the body's hash.
        func body(of bytes: [UInt8]) -> ArraySlice<UInt8>? {
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline <= 200 else { return nil }
            // Split by bytes, not characters: the separators are ASCII, which no UTF-8 sequence
            // holds, and splitting a String compares every character by grapheme.
            let header = bytes[..<newline].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            let body = bytes[(newline + 1)...]
            guard header.count == 3, header[0] == magic, header[1] == "\(version)", header[2] == SHA256.hex(body) else {
                return nil
            }
            return body
        }

        /// The file's bytes for `body`: the header, then the body.
        func framed(_ body: [UInt8]) -> [UInt8] {
            Array("\(magic) \(version) \(SHA256.hex(body))\n".utf8) + body
        }
    }

    /// The body, if the file is one written with this frame and its checksum holds.
    func read() -> ArraySlice<UInt8>? {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maximumSize else {
            return nil
        }
        let bytes = DescriptorReader.read(descriptor, upTo: Int(info.st_size))
        guard bytes.count == Int(info.st_size) else { return nil }
        return frame.body(of: bytes)
    }

    /// Writes `body`: to a file of its own beside `url`, then renamed over it, so a reader (or a
    /// run at the same time) sees the old file or the new one, never a mix. Failing to write is
    /// not an error, and a body over the size limit is not written.
    func write(_ body: [UInt8]) {
        let bytes = frame.framed(body)
        guard bytes.count <= maximumSize else { return }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        var offset = 0
        var failed = false
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    failed = true
                    return
                }
                offset += written
            }
        }
        close(descriptor)
        if failed || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    // MARK: words

    /// The lines of a body, each split into its space-separated words (unescaped); nil when the
    /// body does not end with a newline.
    static func lines(_ body: ArraySlice<UInt8>) -> [[ArraySlice<UInt8>]]? {
        var lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard lines.last?.isEmpty == true else { return nil }
        lines = lines.dropLast()
        return lines.map { $0.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) }
    }

    /// One line of words, each escaped, nil written `-`.
    static func line(_ words: [String?]) -> String {
        words.map { $0.map(escape) ?? "-" }.joined(separator: " ") + "\n"
    }

    /// A word with `%`, space and newline written `%25`, `%20`, `%0A`.
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        guard text.utf8.contains(where: special) else { return text }
        return String(decoding: escape(bytes: text.utf8), as: UTF8.self)
    }

    /// Bytes with `%`, space and newline written `%25`, `%20`, `%0A` (any other byte as it is).
    static func escape(bytes: some Sequence<UInt8>) -> [UInt8] {
        var escaped: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "%"): escaped += [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "5")]
            case UInt8(ascii: " "): escaped += [UInt8(ascii: "%"), UInt8(ascii: "2"), UInt8(ascii: "0")]
            case UInt8(ascii: "\n"): escaped += [UInt8(ascii: "%"), UInt8(ascii: "0"), UInt8(ascii: "A")]
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    /// The text of a word ``escape(_:)`` wrote.
    static func unescape(_ word: ArraySlice<UInt8>) -> String {
        let percent = UInt8(ascii: "%")
        guard word.contains(percent) else { return String(decoding: word, as: UTF8.self) }
        return String(decoding: unescape(bytes: word), as: UTF8.self)
    }

    /// The bytes of a word ``escape(bytes:)`` wrote, read in one pass (any other `%` stays as it is).
    static func unescape(bytes word: ArraySlice<UInt8>) -> [UInt8] {
        let percent = UInt8(ascii: "%")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.count)
        var rest = word
        while let byte = rest.popFirst() {
            if byte == percent, rest.count >= 2 {
                let decoded: UInt8? =
                    switch (rest[rest.startIndex], rest[rest.startIndex + 1]) {
                    case (UInt8(ascii: "2"), UInt8(ascii: "5")): percent
                    case (UInt8(ascii: "2"), UInt8(ascii: "0")): UInt8(ascii: " ")
                    case (UInt8(ascii: "0"), UInt8(ascii: "A")): UInt8(ascii: "\n")
                    default: nil
                    }
                if let decoded {
                    bytes.append(decoded)
                    rest = rest.dropFirst(2)
                    continue
                }
            }
            bytes.append(byte)
        }
        return bytes
    }
}
