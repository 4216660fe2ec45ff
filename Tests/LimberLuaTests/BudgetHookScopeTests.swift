import Testing

@testable import LimberLua

/// The budget hook is on only while a budget runs (trusted code outside runs at stock speed), and
/// yet every thread that runs code under a budget carries it: coroutines made before the budget
/// are given it when budgeted code resumes or closes them.
@Suite("the budget hook's reach")
struct BudgetHookScopeTests {
    /// A loop long enough to take seconds when nothing stops it (so a thread without the hook
    /// makes the test fail rather than hang), stopped at 0.1 s when the hook watches it.
    static let longLoop = "for _ = 1, 2e9 do end"

    @Test(arguments: [
        ("resumed", "co = coroutine.create(function() \(longLoop) end)", "coroutine.resume(co)"),
        ("wrapped", "co = coroutine.wrap(function() \(longLoop) end)", "co()"),
        (
            "started and yielded before",
            "co = coroutine.create(function() coroutine.yield() \(longLoop) end); coroutine.resume(co)",
            "coroutine.resume(co)"
        ),
        (
            "closed, with a pending __close",
            "co = coroutine.create(function() local x <close> = setmetatable({}, { __close = function() \(longLoop) end }) coroutine.yield() end); coroutine.resume(co)",
            "coroutine.close(co)"
        ),
        (
            "resumed by a coroutine made before too",
            "inner = coroutine.create(function() \(longLoop) end); outer = coroutine.wrap(function() coroutine.resume(inner) end)",
            "outer()"
        ),
        (
            "a failed wrapped coroutine's __close",
            "co = coroutine.wrap(function() local x <close> = setmetatable({}, { __close = function() \(longLoop) end }) coroutine.yield() error('boom') end); co()",
            "co()"
        ),
    ])
    func coroutinesMadeBeforeABudgetStopWithIt(name: String, setup: String, budgeted: String) throws {
        let lua = try LuaState()
        try lua.run(setup, chunkName: "=setup")
        do {
            let results = try lua.run(budgeted, chunkName: "=budgeted", cpuLimit: 0.1)
            Issue.record("\(name): the loop ran to its end unwatched: \(results)")
        } catch {
            #expect("\(error)".contains("stopped after 0.1 s of CPU time"), "\(name): \(error)")
        }
        #expect(try lua.run("return 1 + 1", chunkName: "=after") == [2], "the state goes on after \(name)")
    }

    @Test func trustedCodeOutsideBudgetsCarriesNoHook() throws {
        let lua = try LuaState()
        #expect(try lua.run("return debug.gethook() == nil", chunkName: "=before") == [true])
        let inside = try lua.run("return select(3, debug.gethook())", chunkName: "=inside", cpuLimit: 1)
        #expect(inside == [1000], "the count hook watches the budget")
        #expect(try lua.run("return debug.gethook() == nil", chunkName: "=after") == [true], "and is gone after it")
        // A coroutine made inside a budget keeps the hook until it next fires after the budget.
        try lua.run(
            "co = coroutine.wrap(function() while true do coroutine.yield(select(3, debug.gethook())) end end)",
            chunkName: "=made", cpuLimit: 1)
        #expect(try lua.run("return co()", chunkName: "=first") == [1000])
        #expect(
            try lua.run("for _ = 1, 3000 do local _ = 1 end return co()", chunkName: "=later") == [1000],
            "the main thread's loop does not touch the coroutine's hook")
    }

    @Test func aCoroutineDropsTheHookOnceItFiresAfterTheBudget() throws {
        let lua = try LuaState()
        try lua.run(
            "co = coroutine.wrap(function() while true do for _ = 1, 2000 do end coroutine.yield(debug.gethook() ~= nil) end end)",
            chunkName: "=made", cpuLimit: 1)
        #expect(try lua.run("return co()", chunkName: "=budgeted", cpuLimit: 1) == [true])
        #expect(try lua.run("return co()", chunkName: "=after") == [false], "its hook fired with no budget running")
    }
}
