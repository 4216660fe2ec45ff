import Foundation
import LimberCore

extension HostAPI {
    /// Longest wait a timer accepts: a day.
    static let longestTimer: Double = 86_400

    static var timerFunctions: [APIFunction] {
        [
            APIFunction(
                "timer.sleep",
                summary: "Waits this many seconds on limber's clock (no busy loop); plugin tests' virtual clock returns at once.",
                parameters: [.init("seconds", "number", "how long, 0 to 86400; fractions allowed")],
                example: "limber.timer.sleep(1.5)",
                scalar: { host, arguments in
                    let (seconds, duration) = try timerSeconds(try arguments.number(1, "seconds"), at: 1)
                    try checkWait(seconds, host: host)
                    let base: any Clock<Duration> = host.clock
                    let clock = AnyClock(base)
                    guard host.sleepGate.sleep(clock, until: clock.now.advanced(by: duration)) else {
                        throw LuaError.conversion("interrupted")
                    }
                    return .nothing
                }
            ),
            APIFunction(
                "timer.countdown",
                summary:
                    "Counts down whole seconds, calling on_tick(seconds_left) after each one and on_tick(0) at the end; ticks never drift.",
                parameters: [
                    .init("seconds", "number", "how long, 0 to 86400"),
                    .init("options", "limber.CountdownOptions?", "on_tick"),
                ],
                example: "limber.timer.countdown(5, { on_tick = function(left) print(left) end })"
            ) { host, call in
                let (seconds, total) = try timerSeconds(try call.number(1, "seconds"), at: 1)
                try checkWait(seconds, host: host)
                let options = try call.optionalTable(2, "options")
                for key in options.entries.keys where key != .string(LuaString("on_tick")) {
                    throw LuaError.conversion("unknown field '\(key)' in options (countdown takes on_tick)")
                }
                var onTick: LuaValue?
                switch options["on_tick"] {
                case .nil: onTick = nil
                case .function(let function): onTick = .function(function)
                case let other: throw LuaError.conversion("field 'on_tick': expected a function, got \(other.typeName)")
                }
                let base: any Clock<Duration> = host.clock
                let clock = AnyClock(base)
                let start = clock.now
                var second = 1
                while true {
                    // Every deadline counts from the start, so a slow on_tick does not push the rest back.
                    let elapsed = Duration.seconds(second)
                    let last = elapsed >= total
                    guard host.sleepGate.sleep(clock, until: start.advanced(by: last ? total : elapsed)) else {
                        throw LuaError.conversion("interrupted")
                    }
                    if let onTick {
                        let left = last ? 0 : Int64((seconds - Double(second)).rounded(.up))
                        try call.call(onTick, [.integer(left)])
                    }
                    if last { break }
                    second += 1
                }
                return []
            },
            APIFunction(
                "now",
                summary: "The time now, in seconds since 1970-01-01 UTC, with a fraction (plugin tests see their virtual clock).",
                results: [.init("number", "seconds since the epoch")],
                example: "local started = limber.now()",
                scalar: { host, _ in
                    .number(host.sessionLog.secondsSince1970())
                }
            ),
        ]
    }

    static var timerClasses: [APIClass] {
        [
            APIClass(
                "limber.CountdownOptions", summary: "Options for `limber.timer.countdown`.",
                fields: [
                    .init("on_tick", "(fun(seconds_left: integer))?", "called after each whole second, and with 0 at the end")
                ])
        ]
    }

    /// Plugin code under a budget may wait only as long as its wall-clock bound allows (on real
    /// clocks; a test's virtual clock takes no time).
    private static func checkWait(_ seconds: Double, host: LimberHost) throws(LuaError) {
        guard host.clock is ContinuousClock || host.clock is SuspendingClock,
            let left = LuaWatchdog.wallTimeLeft(in: host.lua), seconds > left
        else { return }
        throw .conversion(String(format: "%g s is longer than plugin code may wait here (%.1f s left)", seconds, left))
    }

    /// A timer's length argument (at `position`), 0 to a day: as seconds and as a duration to
    /// the millisecond.
    private static func timerSeconds(_ seconds: Double, at position: Int) throws(LuaError) -> (Double, Duration) {
        do {
            return (seconds, try CheckedNumber.duration(seconds: seconds, field: "seconds", in: 0...longestTimer))
        } catch {
            throw .conversion("bad argument #\(position) 'seconds' (\(error.reason))")
        }
    }
}
