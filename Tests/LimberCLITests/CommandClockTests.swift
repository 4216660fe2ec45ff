import Foundation
import LimberTestSupport
import Testing

@testable import LimberCLI

@Suite("the local time zone at the command line's edge")
struct CommandClockTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A symbolic link in the folder, named `name`, to `target`.
    private func link(_ name: String, to target: String) throws -> String {
        let path = folder.path(name)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        return path
    }

    @Test func theZoneIsNamedByWhereTheLinkPointsIntoZoneinfo() throws {
        #expect(CommandClock.linkedZoneName(try link("a", to: "/usr/share/zoneinfo/Europe/Paris")) == "Europe/Paris")
        #expect(CommandClock.linkedZoneName(try link("b", to: "../usr/share/zoneinfo/America/New_York")) == "America/New_York")
        #expect(CommandClock.linkedZoneName(try link("c", to: "/var/db/timezone/zoneinfo/Asia/Tokyo")) == "Asia/Tokyo")
        #expect(CommandClock.linkedZoneName(try link("d", to: "/usr/share/zoneinfo/")) == nil, "a folder names no zone")
        #expect(CommandClock.linkedZoneName(try link("e", to: "/etc/some-zone-file")) == nil)
        let file = try folder.write("plain", "TZif")
        #expect(CommandClock.linkedZoneName(file.path) == nil, "a copied zone file is not a link")
        #expect(CommandClock.linkedZoneName(folder.path("missing")) == nil)
    }

    @Test func withoutTZTheLinkedZoneIsTheLocalZone() throws {
        let localtime = try link("localtime", to: "/usr/share/zoneinfo/Asia/Tokyo")
        #expect(CommandClock.timeZone(environment: [:], localtime: localtime).identifier == "Asia/Tokyo")
        #expect(CommandClock.timeZone(environment: ["TZ": ""], localtime: localtime).identifier == "Asia/Tokyo")
        #expect(
            CommandClock.timeZone(environment: ["TZ": ":Europe/Paris"], localtime: localtime).identifier == "Europe/Paris",
            "TZ wins over the link")
    }

    @Test func aLinkToNoKnownZoneFallsBackToFoundations() throws {
        let localtime = try link("localtime", to: "/usr/share/zoneinfo/Not/AZone")
        #expect(CommandClock.timeZone(environment: [:], localtime: localtime).identifier == TimeZone.current.identifier)
    }

    @Test func theSystemZoneIsTheOneFoundationFinds() throws {
        // TimeZone.current reads TZ itself; compare only when TZ leaves the choice to the system.
        try #require((ProcessInfo.processInfo.environment["TZ"] ?? "").isEmpty)
        #expect(CommandClock.timeZone(environment: [:]).identifier == TimeZone.current.identifier)
    }
}
