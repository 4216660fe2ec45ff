import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

/// limber's XML reader against Python's expat (xml.etree through defusedxml, scripts/xml-reference.py):
/// on every GPX and TCX fixture and a thousand deterministic mutations of them, and on the fuzz
/// seeds and regressions (what the fuzzer found interesting), both say the same about which documents are well-formed and find the same
/// track points. The only refusals of ours that expat does not share are the deliberate ones:
/// the caps, and encodings other than UTF-8.
@Suite("XML reader agrees with expat")
struct XMLReferenceTests {
    /// A GPX trkpt's lat, lon and time, or a TCX Trackpoint's time, as both sides report them.
    struct Point: Equatable, CustomStringConvertible {
        var lat: String?
        var lon: String?
        var time: String?
        var description: String { "(\(lat ?? "nil"), \(lon ?? "nil"), \(time.map { "\"\($0)\"" } ?? "nil"))" }
    }

    /// Our reading: well-formed or the message, and the points.
    static func ours(_ data: Data) -> Result<[Point], XMLSyntaxError> {
        let sink = PointSink()
        let failure: XMLSyntaxError? = data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            do throws(XMLSyntaxError) {
                try scanner.scan(into: sink)
                return nil
            } catch {
                return error
            }
        }
        if let failure { return .failure(failure) }
        return .success(sink.points)
    }

    /// The refusals of ours that expat does not make, on purpose.
    static func deliberate(_ message: String) -> Bool {
        ["longer than", "deeper than", "more than", "only UTF-8", "not UTF-8 text"].contains { message.contains($0) }
    }

    static func inputs() throws -> [(String, Data)] {
        var seeds: [(String, Data)] = []
        for folder in [
            "Tests/Fixtures/runs/xml", "Tests/Fixtures/runs/broken", "Tests/Fuzz/corpus/gpx", "Tests/Fuzz/corpus/tcx",
            "Tests/Fuzz/regressions/gpx", "Tests/Fuzz/regressions/tcx",
        ] {
            let url = Repository.url(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".gpx") || name.hasSuffix(".tcx") || folder.contains("Fuzz") {
                seeds.append(("\(folder)/\(name)", try Data(contentsOf: url.appendingPathComponent(name))))
            }
        }
        // Mutations made of the characters XML gives meaning to, so each one tries the grammar
        // rather than the UTF-8 check: replace, insert or delete a few bytes, or cut the file.
        let alphabet = Array("<>&;/?!-=[]\"' :#xX\t\r\n0aZ_.".utf8)
        var generator = SplitMix(seed: 7)
        var inputs = seeds
        // The fuzz corpus is mutations already: only the hand-made fixtures are mutated here.
        for (name, data) in seeds where !data.isEmpty && name.hasPrefix("Tests/Fixtures") {
            for index in 0..<60 {
                var bytes = [UInt8](data)
                for _ in 0..<(1 + Int(generator.next() % 3)) where !bytes.isEmpty {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                    switch generator.next() % 4 {
                    case 0: bytes[at] = byte
                    case 1: bytes.insert(byte, at: at)
                    case 2: bytes.remove(at: at)
                    default: bytes.removeSubrange(at...)
                    }
                }
                inputs.append(("\(name)#\(index)", Data(bytes)))
            }
        }
        return inputs
    }

    @Test func bothReadersAgreeOnWellFormednessAndTrackPoints() throws {
        let inputs = try Self.inputs()
        let folder = try TemporaryFolder()
        var paths: [String] = []
        for (index, (_, data)) in inputs.enumerated() {
            let url = folder.url.appendingPathComponent("\(index).xml")
            try data.write(to: url)
            paths.append(url.path)
        }
        let reference = try Self.reference(paths)
        try #require(reference.count == inputs.count, "scripts/xml-reference.py answered \(reference.count) of \(inputs.count)")
        var agreed = 0
        var deliberate = 0
        for ((name, data), theirs) in zip(inputs, reference) {
            switch (Self.ours(data), theirs) {
            case (.success(let mine), .success(let expected)):
                #expect(mine == expected, "\(name): points \(mine) where expat finds \(expected)")
                agreed += 1
            case (.failure, .failure):
                agreed += 1
            case (.failure(let error), .success):
                if Self.deliberate(error.message) {
                    deliberate += 1
                } else {
                    Issue.record("\(name): refused (\(error.message)) where expat reads it")
                }
            case (.success, .failure(let message)):
                Issue.record("\(name): read where expat refuses it: \(message)")
            }
        }
        #expect(agreed > inputs.count * 9 / 10, "\(agreed) of \(inputs.count) agreed, \(deliberate) deliberate refusals")
    }

    /// What scripts/xml-reference.py says of each file, in order.
    static func reference(_ paths: [String]) throws -> [Result<[Point], ReferenceRefusal>] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.url("scripts/xml-reference.py").path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Written from another thread so a full output pipe cannot stall the writer.
        let list = Data(paths.map { $0 + "\n" }.joined().utf8)
        Thread.detachNewThread {
            input.fileHandleForWriting.write(list)
            try? input.fileHandleForWriting.close()
        }
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "scripts/xml-reference.py failed: python3 with defusedxml is needed (scripts/deps installs it)")
        return try String(decoding: answer, as: UTF8.self).split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard object["ok"] as? Bool == true else {
                return .failure(ReferenceRefusal(message: object["error"] as? String ?? "?"))
            }
            let points = try #require(object["points"] as? [[Any]])
            return .success(points.map { Point(lat: $0[0] as? String, lon: $0[1] as? String, time: $0[2] as? String) })
        }
    }

    struct ReferenceRefusal: Error {
        let message: String
    }
}

/// Collects track points from the scanner's events the way scripts/xml-reference.py does.
private final class PointSink: XMLScannerSink {
    var points: [XMLReferenceTests.Point] = []
    private var path: [String] = []
    /// For each open point element: its index in `points`, its depth, and whether its first time child was seen.
    private var open: [(index: Int, depth: Int, timeSeen: Bool)] = []
    /// The points whose time elements are open (nested ones too), with those elements' depths.
    private var reading: [(index: Int, depth: Int)] = []

    func startElement(_ name: String, attributes: [String: String]) throws(XMLSyntaxError) {
        if name == "trkpt" || name == "Trackpoint" {
            let gpx = name == "trkpt"
            points.append(.init(lat: gpx ? attributes["lat"] : nil, lon: gpx ? attributes["lon"] : nil, time: nil))
            open.append((points.count - 1, path.count, false))
        } else if let top = open.last, top.depth == path.count - 1, !top.timeSeen,
            (name == "time" && path.last == "trkpt") || (name == "Time" && path.last == "Trackpoint")
        {
            open[open.count - 1].timeSeen = true
            points[top.index].time = ""
            reading.append((top.index, path.count))
        }
        path.append(name)
    }

    func endElement() throws(XMLSyntaxError) {
        path.removeLast()
        if reading.last?.depth == path.count { reading.removeLast() }
        if open.last?.depth == path.count { open.removeLast() }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) throws(XMLSyntaxError) {
        for (index, _) in reading { points[index].time?.append(String(decoding: text, as: UTF8.self)) }
    }
}
