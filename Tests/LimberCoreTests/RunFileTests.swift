import Foundation
import LimberTestSupport
import Testing

@testable import LimberCore

/// A fixture of Tests/Fixtures/runs.
func runFixture(_ name: String) -> URL {
    Repository.url("Tests/Fixtures/runs/" + name)
}

/// The activities of a fixture, read as the importer reads it.
func activities(_ name: String) throws -> [FileActivity] {
    let url = runFixture(name)
    guard let format = RunFileFormat(fileName: name) else { throw RunFileError("no format") }
    switch try RunFileReader.contents(of: url, format: format) {
    case .activities(let found): return found
    case .noActivity(let reason): throw RunFileError("no activity: \(reason)")
    }
}

/// `2026-03-09T07:00:00Z` as a date.
func utc(_ text: String) -> Date {
    Date(timeIntervalSince1970: TimeInterval(LogTime.parse(text) ?? 0))
}

@Suite("Activity files: FIT, GPX and TCX")
struct RunFileTests {
    @Test(arguments: [
        ("run.fit", "2026-03-09T07:00:00Z", 2820.0, 8200.0, FileActivity.Sport.run("running")),
        ("trail.fit", "2026-03-09T09:00:00Z", 5100.0, 12500.0, .run("trail_running")),
        ("treadmill.fit", "2026-03-09T12:00:00Z", 1800.0, 6000.0, .run("treadmill_running")),
        ("ride.fit", "2026-03-09T14:00:00Z", 3600.0, 30000.0, .other("cycling")),
        ("walk.fit", "2026-03-09T16:00:00Z", 2400.0, 3500.0, .other("walking")),
        ("big_endian.fit", "2026-03-09T18:00:00Z", 2400.0, 8000.0, .run("running")),
        ("developer_fields.fit", "2026-03-09T19:00:00Z", 1200.0, 4000.0, .run("running")),
        ("gz/trail.fit.gz", "2026-03-09T09:00:00Z", 5100.0, 12500.0, .run("trail_running")),
        ("xml/run.tcx", "2026-03-11T07:00:00Z", 2700.0, 9000.0, .run("running")),
        ("xml/treadmill.tcx", "2026-03-09T12:01:00Z", 1740.0, 5950.0, .run("running")),
        ("xml/biking.tcx", "2026-03-13T09:00:00Z", 3600.0, 30000.0, .other("cycling")),
        ("xml/other.tcx", "2026-03-13T18:00:00Z", 1500.0, 5000.0, .unspecified),
    ])
    func oneActivityWithItsStartDurationDistanceAndSport(
        name: String, start: String, seconds: Double, metres: Double, sport: FileActivity.Sport
    ) throws {
        let found = try activities(name)
        #expect(found == [FileActivity(start: utc(start), seconds: seconds, distance: metres, sport: sport)])
    }

    @Test func compressedTimestampsAreAddedUpAcrossTheir32SecondRollover() throws {
        // No session message: the run is its records, all but the first with a 5-bit time offset.
        let found = try activities("compressed_timestamps.fit")
        #expect(found == [FileActivity(start: utc("2026-03-09T20:00:03Z"), seconds: 700, distance: 1750, sport: .run("running"))])
    }

    @Test func aMultisportFileHasEachLegWithItsSport() throws {
        let legs = try activities("multisport.fit")
        #expect(
            legs.map(\.sport) == [
                .other("swimming"), .other("transition"), .other("cycling"), .other("transition"), .run("street_running"),
            ])
        #expect(
            legs.last
                == FileActivity(start: utc("2026-03-09T07:35:00Z"), seconds: 2100, distance: 7000, sport: .run("street_running")))
    }

    @Test func gpxTracksTimeAndDistanceAndType() throws {
        let phone = try #require(try activities("xml/run_phone.gpx").first)
        #expect(phone.start == utc("2026-03-09T07:00:30Z"))
        #expect(phone.seconds == 2800)
        #expect(phone.sport == .run("running"))
        // Three steps of 0.0184° of latitude (the gap between the two segments is a pause): 6.14 km.
        #expect(abs((phone.distance ?? 0) - 6140) < 20)
        #expect(try activities("xml/trail_strava.gpx").first?.sport == .run("running"), "Strava's type 9 is a run")
        #expect(try activities("xml/no_sport.gpx").first?.sport == .unspecified)
        #expect(try activities("xml/ride.gpx").first?.sport == .other("cycling"))
    }

    @Test(arguments: [
        ("settings.fit", "a settings file, not an activity"),
        ("xml/route.gpx", "a route or waypoints only, not an activity"),
        ("xml/course.tcx", "a course or workout, not an activity"),
    ])
    func filesWithoutAnActivitySayWhat(name: String, reason: String) throws {
        let format = try #require(RunFileFormat(fileName: name))
        #expect(try RunFileReader.contents(of: runFixture(name), format: format) == .noActivity(reason))
    }

    @Test(arguments: [
        ("truncated.fit", "cut short: the header announces 605 bytes of records but the file holds 295"),
        ("bad_crc.fit", "the FIT file's CRC does not match"),
        ("bad_header_crc.fit", "the FIT header's CRC does not match"),
        ("wrong_size.fit", "cut short: the header announces 634 bytes"),
        ("huge_size.fit", "cut short: the header announces 4294967280 bytes"),
        ("header_size.fit", "header size 250 is not 12 or 14"),
        ("not_fit.fit", "not a FIT file (no .FIT signature)"),
        ("empty.fit", "empty file"),
        ("absurd_fields.fit", "needs 65025 bytes, 100 are left"),
        ("undefined_local.fit", "local type 5 at byte 14 has no definition"),
        ("run_cut.fit.gz", "the gzip data ends before its end marker"),
        ("bomb.fit.gz", "decompresses to more than 64 MiB"),
        ("cut_run_phone.gpx", "not a valid GPX file: the XML breaks off"),
        ("cut_run.tcx", "not a valid TCX file"),
        (
            "entities.gpx",
            "not a valid GPX file: a document type declaration (<!DOCTYPE), which activity files never carry at line 2"
        ),
        // Bytes that are not UTF-8 in a comment trapped inside FoundationXML (found by fuzzing).
        ("comment_not_utf8.tcx", "not a valid TCX file: not UTF-8 text (byte 85)"),
        ("comment_latin1.gpx", "not a valid GPX file: not UTF-8 text"),
    ])
    func brokenFilesAreOneLineNamingTheProblem(name: String, problem: String) throws {
        let format = try #require(RunFileFormat(fileName: name))
        let error = #expect(throws: RunFileError.self) {
            try RunFileReader.contents(of: runFixture("broken/" + name), format: format)
        }
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("\n") == false)
    }

    @Test func aProcessingInstructionWithoutDataIsWellFormedXML() throws {
        // FoundationXML crashed on `<?limber?>`; limber's own XML reader reads it as XML 1.0 says.
        let format = try #require(RunFileFormat(fileName: "bare_pi.gpx"))
        #expect(
            try RunFileReader.contents(of: runFixture("broken/bare_pi.gpx"), format: format)
                == .noActivity("its tracks have no timed points"))
    }

    @Test func aHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("huge.fit")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100 << 20) // sparse: costs no disk
        try handle.close()
        let error = #expect(throws: RunFileError.self) {
            try RunFileReader.contents(of: url, format: #require(RunFileFormat(fileName: "huge.fit")))
        }
        #expect(error?.message == "larger than 64 MiB, which no activity file is")
    }

    @Test func everyCorruptionOfAFITFileIsAnErrorOrAnAnswerNeverACrash() throws {
        // A deterministic walk over single-byte and cut corruptions of two fixtures, CRCs fixed up
        // so the decoder goes past the CRC check and meets the damage itself.
        for name in ["run.fit", "developer_fields.fit", "compressed_timestamps.fit"] {
            let original = try Data(contentsOf: runFixture(name))
            var generator = SplitMix(seed: 42)
            for _ in 0..<400 {
                var bytes = [UInt8](original)
                let position = Int(generator.next() % UInt64(bytes.count - 2))
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                if position >= 14 { Self.fixCRC(&bytes) }
                _ = try? FITDecoder.decode(Data(bytes)).sessions
            }
            for cut in stride(from: 0, to: original.count, by: 7) {
                _ = try? FITDecoder.decode(original.prefix(cut))
            }
        }
    }

    @Test func definitionsClaimingMoreThanTheFileHoldsAreRefusedBeforeAnyRead() throws {
        // 255 fields announced, none there; then 255 developer fields announced, none there.
        var bytes: [UInt8] = [14, 0x20, 0, 0, 0, 0, 0, 0] + Array(".FIT".utf8) + [0, 0]
        let records: [UInt8] = [0x40, 0, 0, 20, 0, 255]
        bytes += records
        bytes.replaceSubrange(4..<8, with: [UInt8(records.count), 0, 0, 0])
        bytes += [0, 0]
        Self.fixCRC(&bytes)
        let error = #expect(throws: RunFileError.self) { try FITDecoder.decode(Data(bytes)) }
        #expect(error?.message.contains("the fields of a definition message") == true, "\(error?.message ?? "")")
    }

    /// Rewrites the file CRC (the last two bytes) to match the bytes before it.
    static func fixCRC(_ bytes: inout [UInt8]) {
        let crc = bytes.withUnsafeBytes { FITCRC.compute($0, 0..<(bytes.count - 2)) }
        bytes[bytes.count - 2] = UInt8(crc & 0xFF)
        bytes[bytes.count - 1] = UInt8(crc >> 8)
    }
}

/// A small deterministic random number generator for the corruption test.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
