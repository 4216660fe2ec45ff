import LimberCore

extension HostAPI {
    static var cueFunctions: [APIFunction] {
        [
            APIFunction(
                "cue",
                summary:
                    "Plays a sound cue now (with --sound or cues = { sound = true }); a cue name follows the session's cue set, a sound name plays that sound.",
                parameters: [
                    .init("name", "'tick'|'soft_tick'|'halfway'|'switch'|'step_end'|'session_end'", "a cue or built-in sound")
                ],
                results: [.init("boolean", "whether a sound was played (false when sound is off or there is no player)")],
                example: "limber.on('step_start', function(e) if e.step == 3 then limber.cue('halfway') end end)",
                scalar: { host, arguments in
                    let name = try arguments.string(1, "name")
                    guard CueSound(rawValue: name) != nil else {
                        throw LuaError.conversion("unknown cue '\(name)' (cues: \(CueSound.names))")
                    }
                    return .boolean(host.sessions.cuePlayer?(name) ?? false)
                }
            )
        ]
    }

    static var cueClasses: [APIClass] {
        [
            APIClass(
                "limber.CueSet",
                summary:
                    "A routine's sounds (`cues` in limber.routine); each cue is true, false or a built-in sound name (tick, soft_tick, halfway, switch, step_end, session_end).",
                fields: [
                    .init(
                        "sound", "boolean?", "play sounds for this routine (the user's --sound or config can also turn them on)"),
                    .init(
                        "countdown", "'sound'|'voice'|'off'?",
                        "the last three seconds of a hold: ticks, spoken with --voice, or nothing"),
                    .init("tick", "boolean|string?", "each of the last three seconds of a hold"),
                    .init("halfway", "boolean|string?", "halfway through a hold of 40 s or more"),
                    .init("switch", "boolean|string?", "at a side switch"),
                    .init("step_end", "boolean|string?", "at the end of a step that another follows"),
                    .init("session_end", "boolean|string?", "at the end of the session"),
                ])
        ]
    }

    /// A routine's `cues` field, or empty settings when it has none.
    static func routineCues(_ value: LuaValue) throws(LuaError) -> CueSettings {
        if value.isNil { return CueSettings() }
        return try CueSettings(lua: value, in: "cues")
    }
}
