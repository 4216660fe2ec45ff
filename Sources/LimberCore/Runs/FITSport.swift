/// The FIT profile's sport and sub-sport names, and which of them are runs.
enum FITSport {
    static let running: UInt8 = 1

    /// The name of a FIT `sport` value (the profile's, in snake case).
    static func name(_ sport: UInt8) -> String {
        let names: [UInt8: String] = [
            0: "generic", 1: "running", 2: "cycling", 3: "transition", 4: "fitness_equipment", 5: "swimming",
            6: "basketball", 7: "soccer", 8: "tennis", 9: "american_football", 10: "training", 11: "walking",
            12: "cross_country_skiing", 13: "alpine_skiing", 14: "snowboarding", 15: "rowing", 16: "mountaineering",
            17: "hiking", 18: "multisport", 19: "paddling", 20: "flying", 21: "e_biking", 22: "motorcycling",
            23: "boating", 24: "driving", 25: "golf", 26: "hang_gliding", 27: "horseback_riding", 28: "hunting",
            29: "fishing", 30: "inline_skating", 31: "rock_climbing", 32: "sailing", 33: "ice_skating",
            34: "sky_diving", 35: "snowshoeing", 36: "snowmobiling", 37: "stand_up_paddleboarding", 38: "surfing",
            39: "wakeboarding", 40: "water_skiing", 41: "kayaking", 42: "rafting", 43: "windsurfing",
            44: "kitesurfing", 47: "boxing", 48: "floor_climbing", 53: "diving", 62: "hiit", 64: "racket",
            65: "wheelchair_push_walk", 66: "wheelchair_push_run", 67: "meditation", 83: "dance", 84: "jump_rope",
            86: "mobility",
        ]
        return names[sport] ?? "sport \(sport)"
    }

    /// The run's name from its sub-sport: `trail_running`, `treadmill_running`, ...
    static func runName(subSport: UInt8?) -> String {
        switch subSport {
        case 1: "treadmill_running"
        case 2: "street_running"
        case 3: "trail_running"
        case 4: "track_running"
        case 45: "indoor_running"
        case 58: "virtual_running"
        case 67: "ultra_running"
        default: "running"
        }
    }

    static func sport(_ sport: UInt8?, subSport: UInt8?) -> FileActivity.Sport {
        guard let sport, sport != 0 else { return .unspecified }
        return sport == running ? .run(runName(subSport: subSport)) : .other(name(sport))
    }

    /// The name of a FIT `file` type (file_id.type).
    static func fileTypeName(_ type: UInt8) -> String {
        let names: [UInt8: String] = [
            1: "device", 2: "settings", 3: "sport settings", 4: "activity", 5: "workout", 6: "course",
            7: "schedules", 9: "weight", 10: "totals", 11: "goals", 14: "blood pressure", 15: "monitoring",
            20: "activity summary", 28: "daily monitoring", 32: "monitoring", 34: "segment", 35: "segment list",
        ]
        return names[type] ?? "type \(type)"
    }
}
