import LimberCLI
@main struct Entrypoint { static func main() {} }
