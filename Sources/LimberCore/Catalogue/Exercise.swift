/// One movement in the catalogue: what it is, how to do it, how much of it, and what to watch for.
package struct Exercise: Sendable, Equatable, Codable, Identifiable {
    /// Whether the move is a held stretch or a moving one.
    package enum Kind: String, Sendable, Codable, CaseIterable {
        case `static`, dynamic
    }

    /// How the two sides of the body take part.
    package enum Laterality: String, Sendable, Codable, CaseIterable {
        /// Both sides at once.
        case bilateral
        /// One side, then the other, each for the full dose.
        case perSide = "per_side"
        /// Sides alternate within one set.
        case alternating
    }

    /// When in a runner's day the move belongs.
    package enum Phase: String, Sendable, Codable, CaseIterable {
        case preRun = "pre_run"
        case postRun = "post_run"
        case cooldown
        case anytime
    }

    /// The body position the move starts from.
    package enum Position: String, Sendable, Codable, CaseIterable {
        case standing, kneeling
        case halfKneeling = "half_kneeling"
        case quadruped, supine, prone, seated, lunge
    }

    package var id: String
    package var name: String
    package var aliases: [String]
    package var kind: Kind
    package var position: Position
    package var laterality: Laterality
    package var dose: Dose
    /// Body regions the move works, as slugs (`lower_back`, `hips`, ...).
    package var regions: [String]
    /// Target muscles, in plain words.
    package var muscles: [String]
    package var phase: Phase
    /// Equipment needed; empty means none.
    package var equipment: [String]
    /// Step-by-step instructions.
    package var instructions: [String]
    /// Short cues to show or speak while the move is held.
    package var cues: [String]
    package var benefits: [String]
    package var cautions: [String]
    /// Where the move comes from (article, plugin file, user).
    package var source: String

    package init(
        id: String, name: String, aliases: [String] = [], kind: Kind, position: Position,
        laterality: Laterality, dose: Dose, regions: [String], muscles: [String] = [],
        phase: Phase, equipment: [String] = [], instructions: [String] = [], cues: [String] = [],
        benefits: [String] = [], cautions: [String] = [], source: String
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.position = position
        self.laterality = laterality
        self.dose = dose
        self.regions = regions
        self.muscles = muscles
        self.phase = phase
        self.equipment = equipment
        self.instructions = instructions
        self.cues = cues
        self.benefits = benefits
        self.cautions = cautions
        self.source = source
    }
}
