import Foundation

/// A distance as a runner types it: `8km`, `8 km`, `8k`, `10.5km`, `5mi`, `3.1 miles`, `800m`.
///
/// A unit is required: a bare `8` could be kilometres or miles, and a wrong guess would sit in
/// the log's weekly totals unnoticed. Units are read case-insensitively; a decimal comma
/// (`10,5km`) is read as a point, but not one before three digits (`1,500m`: a thousands
/// separator, or 1.5 m?), which is refused.
package enum DistanceInput {
    /// Metres per unit, by every spelling accepted.
    private static let units: [String: Double] = [
        "m": 1, "metre": 1, "metres": 1, "meter": 1, "meters": 1,
        "k": 1000, "km": 1000, "kms": 1000, "kilometre": 1000, "kilometres": 1000, "kilometer": 1000, "kilometers": 1000,
        "mi": 1609.344, "mile": 1609.344, "miles": 1609.344,
    ]

    /// The distance in metres, or nil when the text is not a positive number with a unit.
    package static func metres(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unitStart = trimmed.firstIndex(where: { !$0.isASCII || !($0.isNumber || $0 == "." || $0 == ",") }) else {
            return nil
        }
        var number = String(trimmed[..<unitStart])
        if let comma = number.firstIndex(of: ",") {
            let after = number[number.index(after: comma)...]
            guard !number.contains("."), after.count != 3, !after.contains(",") else { return nil }
            number.replaceSubrange(comma...comma, with: ".")
        }
        let unit = trimmed[unitStart...].trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, let value = Double(number), value.isFinite, value > 0,
            let factor = units[unit]
        else { return nil }
        return value * factor
    }
}
