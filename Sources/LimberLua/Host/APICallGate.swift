/// What each call of a `limber` API function passes before its body runs, and how the body's
/// errors are named.
///
/// Everything a call checks is decided once, when the API is installed: whether the function
/// acts (waits, writes, notifies or starts a session, which ``PluginPhase`` refuses while a
/// plugin loads or describes) and whether it may need the deferred plugins. A call then pays
/// for a few integer compares, with its host borrowed, not retained; the phase's refusal is
/// looked up only when there is one.
struct APICallGate {
    /// The name in messages: `limber.timer.sleep`.
    let name: String
    /// The path under `limber`: `timer.sleep`.
    let path: String
    let link: OwnerLink<LimberHost>
    /// Whether ``PluginPhase`` may refuse the function.
    let acting: Bool
    /// Whether calling it first loads the deferred plugins.
    let needsPlugins: Bool

    init(_ function: APIFunction, host: LimberHost) {
        path = function.path
        name = "limber." + function.path
        link = host.link
        acting = PluginPhase.acting.contains(function.path)
        needsPlugins = !LimberHost.pluginFreeFunctions.contains(function.path)
    }

    /// The host function Lua calls, of the same form as the API function's body.
    func hostFunction(_ form: APIFunction.Form) -> HostFunction {
        switch form {
        case .values(let body):
            // Held strongly: a body of this form may run plugins, sessions and their hooks.
            return HostFunction(name) { call in
                guard let host = link.owner else { throw shutDown() }
                try enter(host)
                do {
                    return try body(host, &call)
                } catch {
                    throw named(error)
                }
            }
        case .scalar(let body):
            return HostFunction.scalar(name) { arguments in
                // Borrowed: the running script or plugin's host outlives its call.
                let result = try link.withOwner { host in
                    try enter(host)
                    do {
                        return try body(host, arguments)
                    } catch {
                        throw named(error)
                    }
                }
                guard let result else { throw shutDown() }
                return result
            }
        }
    }

    /// Whether the call may go on: the phase allows the function, and the plugins it may look
    /// at are loaded.
    private func enter(_ host: LimberHost) throws(LuaError) {
        if acting, host.phase != .free, let refusal = host.phase.refusal(of: path) {
            throw .conversion("\(name) \(refusal)")
        }
        if needsPlugins { host.loadDeferredPlugins() }
    }

    /// The error of a call after the host has gone.
    private func shutDown() -> LuaError { .conversion("\(name): the limber host has shut down") }

    /// A body's error, named after the function.
    private func named(_ error: any Error) -> LuaError {
        if let error = error as? LuaError { return .conversion("\(name): \(error.message)") }
        return .conversion("\(name): \(error)")
    }
}
