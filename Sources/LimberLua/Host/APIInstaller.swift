import LimberCore

/// Builds the read-only `limber` global from `HostAPI`.
///
/// `limber` and each namespace are userdata proxies: reads go through `__index` to a hidden
/// table, writes raise an error, `pairs` lists the entries, and neither `rawset` nor
/// `setmetatable` can reach the table behind them.
struct APIInstaller {
    unowned let host: LimberHost

    private static let pairsMaker = """
        local next = next
        return function(hidden)
          return function() return function(_, key) return next(hidden, key) end, nil, nil end
        end
        """

    func install() throws(LuaError) {
        let lua = host.lua
        guard case .function(let makePairs) = try lua.run(Self.pairsMaker, chunkName: "=limber.api").first ?? .nil
        else { throw .conversion("limber: cannot build the API proxies") }

        var namespaces: [String: LuaTable] = [:]
        var top = LuaTable()
        for function in HostAPI.functions {
            let value = LuaValue.function(.host(hostFunction(for: function)))
            if let namespace = function.namespace {
                namespaces[namespace, default: LuaTable()][function.name] = value
            } else {
                top[function.name] = value
            }
        }
        for (name, table) in namespaces {
            top[name] = try proxy(table, path: "limber.\(name)", makePairs: .function(makePairs))
        }
        top["api_version"] = .integer(Int64(HostAPI.version))
        top["version"] = .string(LimberVersion.string)
        try lua.setGlobal("limber", try proxy(top, path: "limber", makePairs: .function(makePairs)))
        try HostPrint.install(on: host)
    }

    private func hostFunction(for function: APIFunction) -> HostFunction {
        APICallGate(function, host: host).hostFunction(function.form)
    }

    private func proxy(_ table: LuaTable, path: String, makePairs: LuaValue) throws(LuaError) -> LuaValue {
        let lua = host.lua
        let hiddenTable = LuaValue.opaque(try lua.reference(.table(table)))
        let pairs = try lua.call(makePairs, [hiddenTable]).first ?? .nil
        var fields = LuaTable()
        fields["__index"] = hiddenTable
        fields["__newindex"] = .function(
            .host(
                HostFunction("\(path).__newindex") { call in
                    let key = call.argument(2)
                    let name = key.stringValue ?? key.typeName
                    throw LuaError.conversion("cannot assign to '\(path).\(name)': the limber API is read-only")
                }))
        fields["__pairs"] = pairs
        fields["__metatable"] = .string("\(path) is read-only")
        fields["__tostring"] = .function(.host(HostFunction("\(path).__tostring") { _ in [.string(path)] }))
        fields["__name"] = .string(path)
        let metatable = try lua.objectMetatable(fields)
        return .object(LuaObject(APIProxy(path: path), metatable: metatable))
    }
}

/// The Swift side of an API proxy userdata: just its name.
final class APIProxy {
    let path: String
    init(path: String) { self.path = path }
}
