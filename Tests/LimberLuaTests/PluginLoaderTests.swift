import Foundation
import LimberCore
import LimberTestSupport
import Testing
@testable import LimberLua

@Suite("plugin loading")
struct PluginLoaderTests {
    @Test func oneBrokenPluginDoesNotStopTheOthers() throws {
        let folder = try TemporaryFolder()
        try folder.write("a_good.lua", """
            limber.catalogue.add{ id = 'plugin-stretch', name = 'Plugin stretch', kind = 'static',
              position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' },
              dose = { unit = 'seconds', min = 30, max = 60, default = 30 } }
            """)
        try folder.write("b_broken.lua", "local x = \n")
        try folder.write("c_raises.lua", "local t = nil\nlocal y = t.field\n")
        try folder.write("d_folder/init.lua", "limber.catalogue.add{ id = 'folder-move', name = 'Folder move', kind = 'dynamic', position = 'standing', laterality = 'bilateral', phase = 'anytime', regions = { 'hips' }, dose = { unit = 'reps', min = 5, max = 10, default = 5 } }")
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
