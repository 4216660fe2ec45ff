/// limber's version, as `limber --version` prints it.
public enum LimberVersion {
    public static let string = "0.1.0"
}
