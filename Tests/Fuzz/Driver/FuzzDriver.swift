import Foundation
import LimberFuzzTargets

// libFuzzer's entry points; `scripts/fuzz` names the target in LIMBER_FUZZ_TARGET. A
// FuzzFailure traps here, so libFuzzer saves the input as a crash.

/// libFuzzer's own driver (in the runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The process entry: SwiftPM links an executable's `main` to `<module>_main`, which hands over to libFuzzer.
@_cdecl("limber_fuzz_main")
package func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { bytes, size in fuzzerTestOneInput(bytes, size) }
}

/// The target this process fuzzes, chosen once before the first input.
nonisolated(unsafe) private var chosen: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
package func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    let name = ProcessInfo.processInfo.environment["LIMBER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("limber-fuzz: set LIMBER_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    chosen = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let target = chosen else { return 0 }
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        try target.run(data)
    } catch {
        fatalError("\(target.name): \(error.description)")
    }
    return 0
}
