import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

/// Trusted code keeps the stock string metatable; plugins in the same state can neither reach
/// it nor change what another plugin's strings do.
@Suite("string metatable")
struct StringMetatableTests {
    @Test func pluginsCannotChangeWhatOtherPluginsStringsDo() throws {
        let folder = try TemporaryFolder()
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let meddler = try folder.write(
            "a-meddler.lua",
            """
            string.upper = function() return "hacked" end
            string.extra = true
            assert(getmetatable("") == "the string metatable is protected")
            assert(not pcall(setmetatable, "", {}))
            """)
        let victim = try folder.write(
            "b-victim.lua",
            """
            assert(("x"):upper() == "X", "upper was changed by another plugin")
            assert(string.upper("y") == "Y")
            assert(string.extra == nil and ("x").extra == nil)
            """)
        let loader = PluginLoader(host: host)
        for (name, entry) in [("a-meddler", meddler), ("b-victim", victim)] {
            let report = loader.load(PluginFile(name: name, entry: entry, moduleFolder: nil))
            #expect(report.status == .loaded, "\(report)")
        }
        // Trusted code, after both, still has the stock metatable and the real string table.
        let trusted = try host.lua.run(
            """
            local meta = getmetatable("")
            return meta.__index == string, ("x"):upper(), type(string.dump(function() end))
            """)
        #expect(trusted == [.boolean(true), .string("X"), .string("string")])
    }

    @Test func trustedCodeExtendsStringsAsInStockLua() throws {
        let folder = try TemporaryFolder()
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let result = try host.lua.run(
            """
            function string.shout(s) return s:upper() .. "!" end
            local old = string.upper
            string.upper = function(s) return "<" .. old(s) .. ">" end
            local out = ("hi"):shout()
            string.upper = old
            return out
            """)
        #expect(result == [.string("<HI>!")])
    }
}
