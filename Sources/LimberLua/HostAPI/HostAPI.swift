/// The `limber` Lua API, version 1: every namespace, function and table shape, in one place.
///
/// Each namespace lives in its own file as an extension (`CatalogueAPI.swift`, ...); this file
/// only lists them. Adding a function means adding an `APIFunction` there: the installer,
/// `help()` and the LuaLS stub all follow.
package enum HostAPI {
    /// The API's version, visible to plugins as `limber.api_version`.
    package static let version = 1

    /// Sub-tables of `limber`, in documentation order.
    package static var namespaces: [APINamespace] {
        [
            APINamespace("catalogue", summary: "The exercise catalogue: built-in moves and those plugins add."),
            APINamespace("log", summary: "The session log: sessions, sets, streaks; recording what was done."),
            APINamespace("timer", summary: "Waiting on limber's clock: sleeps and countdowns that never drift."),
            APINamespace("session", summary: "Guided sessions: run a routine with timers, side switches and hooks."),
        ]
    }

    /// Every function, in documentation order.
    package static var functions: [APIFunction] {
        catalogueFunctions
            + routineFunctions
            + sessionFunctions
            + timerFunctions
            + logFunctions
            + reminderFunctions
            + progressionFunctions
            + cueFunctions
    }

    /// Every table shape the API documents.
    package static var classes: [APIClass] {
        catalogueClasses
            + routineClasses
            + sessionClasses
            + timerClasses
            + logClasses
            + reminderClasses
            + progressionClasses
            + cueClasses
    }

    /// The function at a dotted path under `limber`.
    package static func function(_ path: String) -> APIFunction? {
        functions.first { $0.path == path }
    }
}
