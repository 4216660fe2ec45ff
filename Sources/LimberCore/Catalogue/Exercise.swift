/// One movement in the catalogue: what it is, how to do it, how much of it, and what to watch for.
public struct Exercise: Sendable, Equatable, Codable, Identifiable {
    /// Whether the move is a held stretch or a moving one.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case `static`, dynamic
    }

    /// How the two sides of the body take part.
    public enum Laterality: String, Sendable, Codable, CaseIterable {
        /// Both sides at once.
        case bilateral
        /// One side, then the other, each for the full dose.
        case perSide = "per_side"
        /// Sides alternate within one set.
        case alternating
    }

    /// When in a runner's day the move belongs.
    public enum Phase: String, Sendable, Codable, CaseIterable {
        case preRun = "pre_run"
        case postRun = "post_run"
        case cooldown
        case anytime
    }

    /// The body position the move starts from.
    public enum Position: String, Sendable, Codable, CaseIterable {
        case standing, kneeling
        case halfKneeling = "half_kneeling"
        case quadruped, supine, prone, seated, lunge
    }

    public var id: String
    public var name: String
    public var aliases: [String]
    public var kind: Kind
    public var position: Position
    public var laterality: Laterality
    public var dose: Dose
    /// Body regions the move works, as slugs (`lower_back`, `hips`, ...).
    public var regions: [String]
    /// Target muscles, in plain words.
    public var muscles: [String]
    public var phase: Phase
    /// Equipment needed; empty means none.
    public var equipment: [String]
    /// Step-by-step instructions.
    public var instructions: [String]
    /// Short cues to show or speak while the move is held.
    public var cues: [String]
    public var benefits: [String]
    public var cautions: [String]
    /// Where the move comes from (article, plugin file, user).
    public var source: String

    public init(
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
