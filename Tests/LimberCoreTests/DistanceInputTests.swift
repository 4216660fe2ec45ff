import LimberCore
import Testing

@Suite("distances typed in: 8km, 5mi, 800m")
struct DistanceInputTests {
    @Test(arguments: [
        ("8km", 8000.0), ("8 km", 8000), ("8K", 8000), ("10.5km", 10500), ("10,5 km", 10500), (" 5mi ", 8046.72),
        ("3.1 miles", 4988.9664), ("1 mile", 1609.344), ("800m", 800), ("400 metres", 400), ("0.4KM", 400), (".5km", 500),
        ("21.0975 kilometers", 21097.5),
    ])
    func aNumberWithAUnitIsMetres(text: String, metres: Double) {
        let read = DistanceInput.metres(text)
        #expect(read.map { abs($0 - metres) < 1e-6 } == true, "\(text): \(String(describing: read))")
    }

    @Test(arguments: [
        "", "8", "km", "-5km", "+5km", "0km", "0.0 mi", "1e3m", "nan km", "inf km", "infinity m", "8 kmh", "8km extra",
        "8 km/h", "８km", "8..5km", "1,500m", "1,5,0km", "1.5,0km", "8 parsecs", "8 k m", "0x10km", "5 mi 3",
    ])
    func anythingElseIsRefused(text: String) {
        #expect(DistanceInput.metres(text) == nil, "\(text)")
    }
}
