import Foundation

/// Reads a GPX or TCX file's bytes with limber's own ``XMLScanner`` and hands its elements to a
/// reader's handler: elements by local name with the path of their parents, and the text of the
/// elements the handler asks for, at most ``maximumText`` bytes each.
///
/// FoundationXML's parser was used before: its callbacks force-unwrap C strings from libxml2 that
/// a hostile file could make non-UTF-8 or null, and libxml2 runs in recovery mode under it, so the
/// inputs that trap were an open list (two were found by fuzzing). The scanner is ours, written
/// for the subset of XML these files use, and never traps on any bytes.
final class XMLActivityParser: XMLScannerSink {
    /// What GPX and TCX readers implement: elements by local name with their parents, and text.
    protocol Handler: AnyObject {
        func start(_ name: String, attributes: [String: String], path: [String])
        func end(_ name: String, text: String, path: [String])
        /// Whether the text of the element `name` (inside `path`) is wanted.
        func wantsText(_ name: String, path: [String]) -> Bool
    }

    /// Deeper than any GPX or TCX file nests.
    static let maximumDepth = XMLScanner.maximumDepth
    /// The most text kept for one element: times, types and numbers are short.
    static let maximumText = 256

    private let handler: any Handler
    private var path: [String] = []
    private var text: [UInt8] = []
    private var collecting = false

    private init(handler: any Handler) {
        self.handler = handler
    }

    /// Parses `data`, or fails naming the problem and its line.
    static func parse(_ data: Data, format: String, with handler: any Handler) throws(RunFileError) {
        let parser = XMLActivityParser(handler: handler)
        let failure: XMLSyntaxError? = data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            do throws(XMLSyntaxError) {
                try scanner.scan(into: parser)
                return nil
            } catch {
                return error
            }
        }
        guard let failure else { return }
        if failure.message == "not UTF-8 text" {
            throw RunFileError("not a valid \(format) file: not UTF-8 text (byte \(failure.offset + 1))")
        }
        let line = data.withUnsafeBytes { Self.line(of: failure.offset, in: $0) }
        throw RunFileError("not a valid \(format) file: \(failure.message) at line \(line)")
    }

    /// The line `offset` is on, counting line feeds and carriage returns not followed by one.
    static func line(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
            }
            index += 1
        }
        return line
    }

    func startElement(_ name: String, attributes: [String: String]) throws(XMLSyntaxError) {
        handler.start(name, attributes: attributes, path: path)
        collecting = handler.wantsText(name, path: path)
        text = []
        path.append(name)
    }

    func endElement() throws(XMLSyntaxError) {
        guard let name = path.popLast() else { return }
        let kept = collecting ? String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        handler.end(name, text: kept, path: path)
        collecting = false
        text = []
    }

    func characters(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) throws(XMLSyntaxError) {
        guard collecting else { return }
        if text.count + piece.count > Self.maximumText {
            throw XMLSyntaxError("the text of <\(path.last ?? "?")> is longer than \(Self.maximumText) bytes", at: offset)
        }
        text.append(contentsOf: piece)
    }
}
