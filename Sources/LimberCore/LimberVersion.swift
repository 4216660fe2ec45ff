/// limber's version, as `limber --version` prints it.
package enum LimberVersion {
    package static let string = "0.1.0"
}
