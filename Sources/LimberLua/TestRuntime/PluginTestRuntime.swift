/// The Lua side of `limber test`: `test`, `expect` and its matchers, and the `clock`, `log`,
/// `reminders` and `progressions` tables.
///
/// The chunk receives a table of Swift functions (the clock, reminders, plans) and returns a control table for the runner:
/// `globals` (what a test file sees), `count()`, `name(i)`, `run(i)` (calls test i; errors
/// propagate to Swift with a traceback), and `failure()` (the last failed expectation, if the
/// error came from one).
enum PluginTestRuntime {
    /// `Lua/test_runtime.lua`, compiled into the binary.
    static let source = EmbeddedLua.testRuntime
}
