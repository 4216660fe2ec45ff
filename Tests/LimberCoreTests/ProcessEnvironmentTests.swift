import Foundation
import Testing

@testable import LimberCore

@Suite("the process environment, read once")
struct ProcessEnvironmentTests {
    /// `entries` as a C environment block, passed to `body` and freed after.
    private func withBlock<R>(_ entries: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = entries.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { buffer in body(buffer.baseAddress!) }
    }

    @Test func entriesSplitAtTheirFirstEqualsSign() {
        let variables = withBlock(["HOME=/home/u", "QUERY=a=b=c", "EMPTY=", "NOSIGN", "=nameless", "LANG=C.UTF-8"]) {
            ProcessEnvironment.variables(in: $0)
        }
        #expect(
            variables == ["HOME": "/home/u", "QUERY": "a=b=c", "EMPTY": "", "": "nameless", "LANG": "C.UTF-8"],
            "an entry without '=' is no variable")
    }

    @Test func aLaterEntryOfTheSameNameWinsAsInFoundation() {
        let variables = withBlock(["TZ=Europe/Paris", "TZ=Asia/Tokyo"]) { ProcessEnvironment.variables(in: $0) }
        #expect(variables == ["TZ": "Asia/Tokyo"])
    }

    @Test func textThatIsNotUTF8IsRepairedNotDropped() {
        let variables = withBlock(["NAME=caf\u{E9}"]) { ProcessEnvironment.variables(in: $0) }
        #expect(variables["NAME"] == "café")
        var raw: [CChar] = Array("BAD=a?".utf8CString)
        raw[5] = CChar(bitPattern: 0xFF)
        let repaired = raw.withUnsafeMutableBufferPointer { buffer -> [String: String] in
            var pointers: [UnsafeMutablePointer<CChar>?] = [buffer.baseAddress, nil]
            return pointers.withUnsafeMutableBufferPointer { ProcessEnvironment.variables(in: $0.baseAddress!) }
        }
        #expect(repaired["BAD"] == "a\u{FFFD}")
    }

    @Test func noBlockIsNoVariables() {
        #expect(ProcessEnvironment.variables(in: nil).isEmpty)
    }

    @Test func theProcessEnvironmentReadsAsFoundationReadsIt() {
        #expect(ProcessEnvironment.current == ProcessInfo.processInfo.environment)
    }
}
