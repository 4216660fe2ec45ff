import LimberCore

/// The presenter of guided sessions in a plugin test: shows nothing, and keeps each hook
/// failure so the test that ran the session fails with it.
final class TestPresenter: SessionPresenter {
    /// Hook failures since the test began, `file:line: message (in a '...' hook from ...)`.
    private(set) var hookFailures: [String] = []

    func sessionWillStart(_ plan: SessionPlan, pace: Double, controls: SessionControls) {}
    func present(_ event: SessionEvent) {}
    func sessionDidEnd() {}

    func hookFailed(_ message: String) {
        hookFailures.append(message)
    }

    /// Forgets the failures, for the next test.
    func reset() {
        hookFailures = []
    }
}
