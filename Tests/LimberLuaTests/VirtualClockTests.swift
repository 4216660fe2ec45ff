import Foundation
import Testing

@testable import LimberLua

@Suite("virtual clock")
struct VirtualClockTests {
    let zone = TimeZone(identifier: "America/New_York") ?? .current

    func local(_ text: String) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: VirtualClock.parse(text, timeZone: zone) ?? .distantPast)
    }

    @Test func parsesLocalTimesAndRefusesOtherText() {
        #expect(local("2026-03-08 17:00") == "2026-03-08 17:00:00")
        #expect(local("2026-03-08 17:00:05") == "2026-03-08 17:00:05")
        #expect(local("2026-03-08") == "2026-03-08 00:00:00")
        for bad in [
            "", "next tuesday", "2026-02-30", "2026-03-08 24:00", "26-03-08", "2026-03-08T17:00", "2026-03-08 17", "2026-13-01",
        ] {
            #expect(VirtualClock.parse(bad, timeZone: zone) == nil, "\(bad)")
        }
    }

    @Test func startsAtTheFixedTimeAndMovesOnlyWhenTold() throws {
        let clock = VirtualClock(timeZone: zone)
        let start = clock.date
        #expect(start == VirtualClock.parse(VirtualClock.startText, timeZone: zone))
        clock.advance(by: .seconds(90))
        #expect(clock.date.timeIntervalSince(start) == 90)
        #expect(clock.now.offset == .seconds(90))
        clock.advance(by: .seconds(-5))
        #expect(clock.date.timeIntervalSince(start) == 90)
        try clock.set("2026-01-05 08:00")
        #expect(clock.date.timeIntervalSince(start) == -3600)
        #expect(clock.now.offset == .seconds(90), "the Clock side never goes back")
        #expect(throws: LuaError.self) { try clock.set("soon") }
    }

    @Test func sleepingReturnsAtOnceWithTheTimeMoved() async throws {
        let clock = VirtualClock(timeZone: zone)
        let start = clock.date
        try await clock.sleep(for: .seconds(45))
        try await clock.sleep(until: clock.now.advanced(by: .milliseconds(500)), tolerance: nil)
        #expect(clock.date.timeIntervalSince(start) == 45.5)
        #expect(clock.now.offset == .milliseconds(45_500))
    }
}
