import Foundation

/// One parser that reads outside bytes, wrapped for coverage-guided fuzzing and for replaying
/// saved inputs in the test suite.
///
/// `run` takes any bytes. Input the parser refuses is fine (it is caught inside `run`); what must
/// never happen is a trap, a hang, or an accepted input that breaks one of the target's own
/// properties, which `run` reports by throwing a ``FuzzFailure``. The libFuzzer driver
/// (`scripts/fuzz`) turns that into a crash with the input saved; the test suite replays every
/// committed input through `run` (`Tests/Fuzz/corpus/NAME/`, `Tests/Fuzz/regressions/NAME/`).
///
/// Adding a target: one file with `extension FuzzTarget { static let name = FuzzTarget(...) }`,
/// one entry in ``FuzzTarget/all``, and a folder of seed inputs `Tests/Fuzz/corpus/NAME/`.
package struct FuzzTarget: Sendable {
    /// The name `scripts/fuzz NAME` takes and the corpus folder is called.
    package let name: String
    /// What it reads, for `scripts/fuzz --list`.
    package let summary: String
    /// Reads one input; throws only a ``FuzzFailure``.
    package let run: @Sendable (Data) throws(FuzzFailure) -> Void

    package init(_ name: String, _ summary: String, run: @escaping @Sendable (Data) throws(FuzzFailure) -> Void) {
        self.name = name
        self.summary = summary
        self.run = run
    }

    /// The target with this name, if there is one.
    package static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    /// Fails with `message` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
        if !condition { throw FuzzFailure(message()) }
    }
}

/// An accepted input broke a property of its target (an import that does not round-trip, say).
package struct FuzzFailure: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}
