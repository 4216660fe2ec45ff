// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "limber",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "limber", targets: ["limber"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        // Test targets only: generated arguments for the host API's property tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The Lua 5.4 system library (Debian: liblua5.4-dev).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // Our C shim beside it: the error trampoline, protected helpers, hooks, the allocator.
        .target(
            name: "CLuaShim",
            dependencies: ["CLua"]
        ),
        // libedit for the REPL's line editing (Debian: libedit-dev).
        .systemLibrary(
            name: "CEditline",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // zlib (Debian: zlib1g-dev), to read gzipped activity files.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Pure Swift: catalogue, routines, timers, session log, progressions, reminders, stats.
        .target(
            name: "LimberCore",
            dependencies: [
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The Lua host: the only importer of the Lua C modules.
        .target(
            name: "LimberLua",
            dependencies: ["LimberCore", "CLua", "CLuaShim"],
            // The host's own Lua (sandbox, test runtime, value printer), compiled into the binary.
            resources: [.embedInCode("Lua")]
        ),
        // Commands, renderers, the REPL.
        .target(
            name: "LimberCLI",
            dependencies: [
                "LimberCore",
                "LimberLua",
                "CEditline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The REPL's Lua side, compiled into the binary.
            resources: [.embedInCode("Lua")]
        ),
        .executableTarget(
            name: "limber",
            dependencies: ["LimberCLI"]
        ),
        // Test doubles shared by the test targets.
        .target(
            name: "LimberTestSupport",
            dependencies: [
                "LimberCore",
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            path: "Tests/LimberTestSupport"
        ),
        .testTarget(
            name: "LimberCoreTests",
            dependencies: [
                "LimberCore", "LimberTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LimberLuaTests",
            dependencies: [
                "LimberLua", "LimberCore", "LimberTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LimberCLITests",
            dependencies: ["LimberCLI", "LimberCore", "LimberTestSupport"]
        ),
        // The parsers that read outside bytes, as fuzz targets (Tests/Fuzz/README.md).
        .target(
            name: "LimberFuzzTargets",
            dependencies: ["LimberCore"],
            path: "Tests/Fuzz/Targets"
        ),
        // Replays the committed fuzz corpus and every crash found, and the export round trip.
        .testTarget(
            name: "LimberFuzzTests",
            dependencies: [
                "LimberFuzzTargets", "LimberCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/Fuzz/Tests"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `scripts/fuzz` builds with LIMBER_FUZZ=1 and `-sanitize=fuzzer`: libFuzzer supplies `main`, so
// the driver exists only in that build.
if Context.environment["LIMBER_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "limber-fuzz",
            dependencies: ["LimberFuzzTargets"],
            path: "Tests/Fuzz/Driver",
            // No top-level code: `main` is libFuzzer's.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
}
