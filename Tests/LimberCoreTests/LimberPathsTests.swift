import Foundation
import Testing

@testable import LimberCore

struct LimberPathsTests {
    @Test func limberHomeWinsOverXDG() {
        let paths = LimberPaths.resolve(environment: ["LIMBER_HOME": "/tmp/lh", "XDG_DATA_HOME": "/x", "HOME": "/home/u"])
        #expect(paths.database.path == "/tmp/lh/data/limber.sqlite")
        #expect(paths.plugins.path == "/tmp/lh/config/plugins")
        #expect(paths.history.path == "/tmp/lh/state/history")
    }

    @Test func xdgVariablesThenHomeDefaults() {
        let paths = LimberPaths.resolve(environment: [
            "XDG_DATA_HOME": "/xdg/data", "XDG_STATE_HOME": "relative", "HOME": "/home/u",
        ])
        #expect(paths.data.path == "/xdg/data/limber")
        #expect(paths.state.path == "/home/u/.local/state/limber", "a relative XDG path is ignored")
        #expect(paths.config.path == "/home/u/.config/limber")
    }
}
