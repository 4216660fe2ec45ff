import LimberCLI

/// The `limber` executable: everything lives in LimberCLI.
@main
struct Entrypoint {
    static func main() async {
        await LimberMain.run()
    }
}
