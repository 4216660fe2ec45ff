import Foundation
import Testing

@testable import LimberCore

struct LocalDayTests {
    @Test func civilDatesRoundTrip() throws {
        #expect(LocalDay(iso: "1970-01-01")?.number == 0)
        #expect(LocalDay(iso: "2000-03-01")?.number == 11_017)
        #expect(LocalDay(iso: "1969-12-31")?.number == -1)
        for text in ["2024-02-29", "1999-12-31", "2100-03-01", "1900-01-01"] {
            #expect(LocalDay(iso: text)?.iso == text)
        }
        #expect(LocalDay(iso: "2023-02-29") == nil)
        #expect(LocalDay(iso: "2024-13-01") == nil)
        #expect(LocalDay(iso: "2024-5-1") == nil)
    }

    @Test func weekdaysAndWeekStarts() throws {
        let wednesday = try #require(LocalDay(iso: "2024-05-01"))
        #expect(wednesday.weekday == 4)
        #expect(wednesday.startOfWeek(firstWeekday: 2).iso == "2024-04-29")
        #expect(wednesday.startOfWeek(firstWeekday: 1).iso == "2024-04-28")
        #expect(wednesday.startOfWeek(firstWeekday: 4) == wednesday)
    }

    @Test func theDayDependsOnTheTimeZone() throws {
        let lateEvening = Date(timeIntervalSince1970: TimeInterval(try #require(LogTime.parse("2024-05-01T23:30:00Z"))))
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(LocalDay(lateEvening, in: berlin).iso == "2024-05-02")
        #expect(LocalDay(lateEvening, in: newYork).iso == "2024-05-01")
        #expect(LocalDay(lateEvening, in: LogFixtures.utc).iso == "2024-05-01")
    }

    @Test func exportTimesRoundTrip() {
        #expect(LogTime.format(0) == "1970-01-01T00:00:00Z")
        #expect(LogTime.parse("2024-05-01T07:30:00Z").map(LogTime.format) == "2024-05-01T07:30:00Z")
        #expect(LogTime.parse("2024-05-01T09:30:00+02:00") == LogTime.parse("2024-05-01T07:30:00Z"))
        #expect(LogTime.parse("2024-05-01T07:30:00.75Z") == LogTime.parse("2024-05-01T07:30:00Z"))
        #expect(LogTime.parse("2024-05-01T07:30:00") == nil)
        #expect(LogTime.parse("2024-05-01T25:00:00Z") == nil)
        #expect(LogTime.parse("yesterday") == nil)
    }
}

struct LogDateInputTests {
    private let today = LogFixtures.day("2024-05-08")
    private let now = LogFixtures.may(8, 15, 30)
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test func periodsEndToday() {
        #expect(LogDateInput.firstDay("7d", today: today)?.iso == "2024-05-01")
        #expect(LogDateInput.firstDay("2w", today: today)?.iso == "2024-04-24")
        #expect(LogDateInput.firstDay("today", today: today) == today)
        #expect(LogDateInput.firstDay("Yesterday", today: today)?.iso == "2024-05-07")
        #expect(LogDateInput.firstDay("2024-01-31", today: today)?.iso == "2024-01-31")
        #expect(LogDateInput.firstDay("7", today: today) == nil)
        #expect(LogDateInput.firstDay("lately", today: today) == nil)
    }

    @Test func momentsAreLocalTimes() {
        func iso(_ text: String) -> String? {
            LogDateInput.moment(text, now: now, timeZone: berlin).map { LogTime.format(SessionLog.stamp($0)) }
        }
        #expect(iso("now") == "2024-05-08T15:30:00Z")
        #expect(iso("18:30") == "2024-05-08T16:30:00Z", "Berlin is UTC+2 in May")
        #expect(iso("yesterday 07:05") == "2024-05-07T05:05:00Z")
        #expect(iso("2024-01-15 07:00") == "2024-01-15T06:00:00Z", "and UTC+1 in January")
        #expect(iso("2024-01-15T07:00") == "2024-01-15T06:00:00Z")
        #expect(iso("2024-01-15") == "2024-01-15T11:00:00Z")
        #expect(iso("2024-01-15T07:00:00Z") == "2024-01-15T07:00:00Z")
        #expect(iso("90m ago") == "2024-05-08T14:00:00Z")
        #expect(iso("2h ago") == "2024-05-08T13:30:00Z")
        #expect(iso("25:00") == nil)
        #expect(iso("teatime") == nil)
    }
}
