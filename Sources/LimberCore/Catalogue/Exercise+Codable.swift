/// Decoding that suits hand-written definitions (a plugin's `limber.catalogue.add{...}`):
/// the list fields `aliases`, `muscles`, `equipment`, `instructions`, `cues`, `benefits` and
/// `cautions` may be left out and mean `[]`, and a missing `source` means `"user"`.
/// Everything else is required. Encoding writes every field, as the synthesized code did.
extension Exercise {
    /// The source of an exercise whose definition does not say where it comes from.
    package static let defaultSource = "user"

    /// The keys of an exercise table; the raw values are what plugins write.
    enum CodingKeys: String, CodingKey {
        case id, name, aliases, kind, position, laterality, dose, regions, muscles, phase
        case equipment, instructions, cues, benefits, cautions, source
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [],
            kind: try container.decode(Kind.self, forKey: .kind),
            position: try container.decode(Position.self, forKey: .position),
            laterality: try container.decode(Laterality.self, forKey: .laterality),
            dose: try container.decode(Dose.self, forKey: .dose),
            regions: try container.decode([String].self, forKey: .regions),
            muscles: try container.decodeIfPresent([String].self, forKey: .muscles) ?? [],
            phase: try container.decode(Phase.self, forKey: .phase),
            equipment: try container.decodeIfPresent([String].self, forKey: .equipment) ?? [],
            instructions: try container.decodeIfPresent([String].self, forKey: .instructions) ?? [],
            cues: try container.decodeIfPresent([String].self, forKey: .cues) ?? [],
            benefits: try container.decodeIfPresent([String].self, forKey: .benefits) ?? [],
            cautions: try container.decodeIfPresent([String].self, forKey: .cautions) ?? [],
            source: try container.decodeIfPresent(String.self, forKey: .source) ?? Self.defaultSource
        )
    }
}
