import LimberCLI

/// The `limber` executable: everything lives in LimberCLI.
///
/// A synchronous `main`: an `async` one hands the program to a worker thread and parks the main
/// thread in `dispatch_main`, whose `pthread_exit` unwinds it (reading the unwind tables of the
/// whole binary) on every start (see `LimberMain`).
@main
struct Entrypoint {
    static func main() {
        LimberMain.run()
    }
}
