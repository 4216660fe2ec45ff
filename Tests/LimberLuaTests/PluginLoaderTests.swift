import Foundation
import LimberCore
import LimberTestSupport
import Testing

@testable import LimberLua

@Suite("plugin loading")
struct PluginLoaderTests {
    @Test func oneBrokenPluginDoesNotStopTheOthers() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "a_good.lua",
            """
            limber.catalogue.add{ id = 'plugin-stretch', name = 'Plugin stretch', kind = 'static',
              position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
        try folder.write("b_broken.lua", "local x = \n")
        try folder.write("c_raises.lua", "local t = nil\nlocal y = t.field\n")
        try folder.write(
            "d_folder/init.lua",
            "limber.catalogue.add{ id = 'folder-move', name = 'Folder move', kind = 'dynamic', position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' }, dose = { unit = 'reps', min = 5, max = 10, default = 5 } }"
        )
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let reports = PluginLoader(host: host).load(folders: [folder.url])
        #expect(reports.map(\.plugin.name) == ["a_good", "b_broken", "c_raises", "d_folder"])
        #expect(reports[0].status == .loaded)
        #expect(reports[0].defines == ["exercise:plugin-stretch"])
        guard case .failed(let syntax) = reports[1].status else { Issue.record("b must fail"); return }
        #expect(syntax.contains("b_broken.lua:2:") || syntax.contains("b_broken.lua:1:"))
        guard case .failed(let runtime) = reports[2].status else { Issue.record("c must fail"); return }
        #expect(runtime.contains("c_raises.lua:2: attempt to index a nil value"))
        #expect(reports[3].status == .loaded)
        #expect(host.catalogue.get("plugin-stretch")?.source.hasSuffix("a_good.lua") == true)
        #expect(host.catalogue.get("folder-move") != nil)
    }

    @Test func pluginsCannotSetGlobalsOrSeeEachOther() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.lua", "local mine = 1\nshared_name = 'from a'")
        try folder.write("b.lua", "assert(shared_name == nil, 'saw a global of plugin a')")
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let reports = PluginLoader(host: host).load(folders: [folder.url])
        guard case .failed(let message) = reports[0].status else { Issue.record("a must fail"); return }
        #expect(message.hasSuffix("a.lua:2: assignment to undeclared global 'shared_name' (declare it with 'local')"))
        #expect(reports[1].status == .loaded)
        #expect(try host.lua.global("shared_name") == .nil)
    }
}

@Suite("plugin modules and duplicates")
struct PluginModuleTests {
    @Test func requireFindsModulesInThePluginsOwnFolderOnly() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "plugins/stretchy/init.lua",
            """
            local helpers = require("helpers")
            local deep = require("lib.deep")
            assert(helpers.double(21) == 42 and deep.name == "deep")
            assert(require("helpers") == helpers, "modules are cached")
            local ok, err = pcall(require, "other")
            assert(not ok and err:find("module 'other' not found"), err)
            local ok2, err2 = pcall(require, "../../secret")
            assert(not ok2 and err2:find("bad module name"), err2)
            """)
        try folder.write("plugins/stretchy/helpers.lua", "return { double = function(x) return x * 2 end }")
        try folder.write("plugins/stretchy/lib/deep.lua", "return { name = 'deep' }")
        try folder.write("plugins/other/init.lua", "return {}")
        try folder.write("plugins/other/other.lua", "return {}")
        try folder.write("secret.lua", "return 'leaked'")
        try folder.write(
            "plugins/single.lua",
            "local ok, err = pcall(require, 'helpers')\nassert(not ok and err:find('only a folder plugin'), err)")
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let reports = PluginLoader(host: host).load(folders: [folder.url.appendingPathComponent("plugins")])
        #expect(reports.map(\.plugin.name) == ["other", "single", "stretchy"])
        for report in reports { #expect(report.status == .loaded, "\(report)") }
    }

    @Test func duplicateIDsNameBothFilesUnlessOverridden() throws {
        let folder = try TemporaryFolder()
        let exercise = """
            limber.catalogue.add{ id = 'shared-move', name = 'Shared', kind = 'static', position = 'standing',
              laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } %@ }
            """
        try folder.write("a.lua", exercise.replacingOccurrences(of: "%@", with: ""))
        try folder.write("b.lua", exercise.replacingOccurrences(of: "%@", with: ""))
        try folder.write("c.lua", exercise.replacingOccurrences(of: "%@", with: ", override = true, name = 'Replaced'"))
        let host = try LimberHost(paths: LimberPaths(home: folder.url))
        let reports = PluginLoader(host: host).load(folders: [folder.url])
        #expect(reports[0].status == .loaded)
        let message = try #require(failure(reports[1]))
        #expect(message.contains("b.lua:1:"))
        #expect(
            message.contains(
                "exercise 'shared-move' is already defined by \(reports[0].plugin.displayPath); set override = true to replace it"
            ))
        #expect(reports[2].status == .loaded)
        #expect(host.catalogue.get("shared-move")?.name == "Replaced")
    }
}
