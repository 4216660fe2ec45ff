import CLua
import CLuaShim
import Foundation

/// One Lua 5.4 state and the only way limber's Swift code touches it.
///
/// Every entry into Lua is a protected call with a traceback handler; values are read with raw
/// access only and pushed through the shim under protection. A state belongs to one thread at
/// a time and is closed when the last reference to it goes.
public final class LuaState {
    let L: OpaquePointer
    /// The metatable given to Swift objects that have none of their own.
    private(set) var defaultObjectMetatable: LuaRef?

    private static let callbacksInstalled: Bool = {
        limber_install_callbacks(
            { thread, box, result in LuaState.dispatch(thread, box, result) },
            { box in
                guard let box else { return }
                Unmanaged<AnyObject>.fromOpaque(box).release()
            })
        return true
    }()

    /// A state with the standard libraries open; `memoryLimit` in bytes caps what Lua may hold.
    public init(memoryLimit: Int = 0) throws(LuaError) {
        _ = Self.callbacksInstalled
        guard let L = limber_newstate(memoryLimit) else {
            throw .memory("cannot create a Lua state: out of memory")
        }
        self.L = L
        limber_set_owner(L, Unmanaged.passUnretained(self).toOpaque())
        if limber_openlibs(L) != LUA_OK {
            let message = Self.popMessage(L)
            throw .memory("cannot open the Lua libraries: \(message)")
        }
        var encoding = LuaEncoding(for: self)
        try encoding.append(.table(LuaTable()))
        encoding.op(LIMBER_OP_BOXMETA)
        defaultObjectMetatable = try pushAndReference(encoding)
    }

    deinit {
        limber_close(L)
    }

    // MARK: Memory

    /// Bytes Lua holds now.
    public var memoryUsed: Int { limber_memory_used(L) }

    /// The cap on what Lua may hold, in bytes; 0 for none.
    public var memoryLimit: Int {
        get { limber_memory_limit(L) }
        set { limber_set_memory_limit(L, newValue) }
    }

    // MARK: Loading and calling

    /// Compiles a chunk (text only; binary chunks are refused) into a function value.
    ///
    /// `chunkName` follows Lua: `@path/file.lua` for files, `=name` for other sources.
    public func load(_ source: some Collection<UInt8>, chunkName: String) throws(LuaError) -> LuaValue {
        let bytes = Array(source)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                limber_load(L, chars.baseAddress, chars.count, chunkName)
            }
        }
        guard status == LUA_OK else {
            let message = Self.popMessage(L)
            if status == LUA_ERRMEM { throw .memory(memoryMessage(message)) }
            throw .syntax(message)
        }
        defer { limber_pop(L, 1) }
        return .function(.lua(try reference(L, at: -1)))
    }

    /// Reads a file and compiles it, naming the chunk `@path` so errors read `path:line: message`.
    public func load(file path: String) throws(LuaError) -> LuaValue {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, reason: Self.fileReason(error))
        }
        return try load(data, chunkName: "@" + path)
    }

    /// Calls a function with arguments and returns every result.
    ///
    /// With `cpuLimit` (seconds of this thread's CPU time) a runaway call is stopped with an error.
    @discardableResult
    public func call(_ function: LuaValue, _ arguments: [LuaValue] = [], cpuLimit: Double = 0)
        throws(LuaError) -> [LuaValue]
    {
        try call(function, arguments, cpuLimit: cpuLimit, on: L)
    }

    func call(_ function: LuaValue, _ arguments: [LuaValue], cpuLimit: Double, on thread: OpaquePointer)
        throws(LuaError) -> [LuaValue]
    {
        let top = lua_gettop(thread)
        defer { lua_settop(thread, top) }
        var encoding = LuaEncoding(for: self)
        try encoding.append(function)
        for argument in arguments { try encoding.append(argument) }
        try push(encoding, on: thread)
        let status = limber_pcall(thread, Int32(arguments.count), limber_multret(), cpuLimit)
        guard status == LUA_OK else { throw error(status: status, on: thread) }
        var results: [LuaValue] = []
        let count = lua_gettop(thread) - top
        var reader = LuaReader(state: self, thread: thread)
        if count > 0 {
            for index in (top + 1)...(top + count) {
                results.append(try reader.read(at: index))
            }
        }
        return results
    }

    /// Compiles and runs a chunk of source text.
    @discardableResult
    public func run(_ source: String, chunkName: String = "=chunk", cpuLimit: Double = 0) throws(LuaError) -> [LuaValue] {
        let function = try load(Array(source.utf8), chunkName: chunkName)
        return try call(function, cpuLimit: cpuLimit)
    }

    // MARK: Globals

    /// Reads a global with raw access.
    public func global(_ name: String) throws(LuaError) -> LuaValue {
        var encoding = LuaEncoding(for: self)
        encoding.op(LIMBER_OP_GLOBALS)
        encoding.string(LuaString(name))
        encoding.op(LIMBER_OP_RAWGET)
        try push(encoding, on: L)
        defer { limber_pop(L, 1) }
        return try value(at: -1, on: L)
    }

    /// Sets a global with raw access.
    public func setGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
        var encoding = LuaEncoding(for: self)
        encoding.op(LIMBER_OP_GLOBALS)
        encoding.string(LuaString(name))
        try encoding.append(value)
        encoding.op(LIMBER_OP_SET)
        encoding.op(LIMBER_OP_POP)
        try push(encoding, on: L)
    }

    // MARK: References

    /// Copies `value` into Lua once and keeps the Lua copy alive; pass `.opaque(ref)` to hand
    /// the same Lua table (not a new copy) to later calls.
    public func reference(_ value: LuaValue) throws(LuaError) -> LuaRef {
        var encoding = LuaEncoding(for: self)
        try encoding.append(value)
        return try pushAndReference(encoding)
    }

    // MARK: Objects

    /// Makes a metatable for Swift objects from `fields` (`__index`, `__tostring`, ...).
    public func objectMetatable(_ fields: LuaTable) throws(LuaError) -> LuaRef {
        var encoding = LuaEncoding(for: self)
        try encoding.append(.table(fields))
        encoding.op(LIMBER_OP_BOXMETA)
        return try pushAndReference(encoding)
    }

    // MARK: Stops

    /// Whether `os.exit` was called, with its code.
    public var exitRequest: Int32? {
        var code: Int32 = 0
        return limber_exit_requested(L, &code) != 0 ? code : nil
    }

    /// Stops the running code with an "interrupted" error; safe to call from a signal handler.
    public func interrupt() { limber_interrupt(L) }

    /// Interrupts and keeps interrupting (a pcall that catches it is stopped again) until
    /// `releaseInterrupt()`; safe from any thread.
    public func interruptHeld() { limber_interrupt_hold(L) }

    /// Ends a held or pending interrupt; a pending `os.exit` stays.
    public func releaseInterrupt() { limber_interrupt_release(L) }

    /// Forgets a pending exit or interrupt, so the state can run code again.
    public func resetStop() { limber_reset_stop(L) }

    // MARK: Internals

    func releaseReference(_ ref: Int32) {
        limber_unref(L, ref)
    }

    private func push(_ encoding: LuaEncoding, on thread: OpaquePointer) throws(LuaError) {
        var count: Int32 = 0
        let status = encoding.bytes.withUnsafeBufferPointer { buffer in
            limber_push_encoded(thread, buffer.baseAddress, buffer.count, &count)
        }
        guard status == LUA_OK else { throw error(status: status, on: thread) }
    }

    private func pushAndReference(_ encoding: LuaEncoding) throws(LuaError) -> LuaRef {
        try push(encoding, on: L)
        defer { limber_pop(L, 1) }
        return try reference(L, at: -1)
    }

    func reference(_ thread: OpaquePointer, at index: Int32) throws(LuaError) -> LuaRef {
        var ref: Int32 = 0
        let typeName = String(cString: lua_typename(thread, lua_type(thread, index)))
        guard limber_ref(thread, index, &ref) == LUA_OK else {
            let message = Self.popMessage(thread)
            throw .memory(memoryMessage(message))
        }
        return LuaRef(ref: ref, typeName: typeName, state: self)
    }

    /// Reads the value at `index` with raw access only: no metamethod runs, nothing can raise.
    func value(at index: Int32, on thread: OpaquePointer) throws(LuaError) -> LuaValue {
        var reader = LuaReader(state: self, thread: thread)
        return try reader.read(at: index)
    }

    func error(status: Int32, on thread: OpaquePointer) -> LuaError {
        let message = Self.popMessage(thread)
        if let code = exitRequest { return .exit(code) }
        if status == LUA_ERRMEM { return .memory(memoryMessage(message)) }
        if status == LUA_ERRSYNTAX { return .syntax(message) }
        if let range = message.range(of: "\nstack traceback:") {
            return .runtime(String(message[..<range.lowerBound]), traceback: String(message[range.lowerBound...].dropFirst()))
        }
        return .runtime(message, traceback: "")
    }

    private func memoryMessage(_ message: String) -> String {
        let limit = memoryLimit
        guard limit > 0 else { return message }
        return "\(message): the Lua memory limit of \(limit / (1024 * 1024)) MiB was reached"
    }

    static func popMessage(_ thread: OpaquePointer) -> String {
        defer { limber_pop(thread, 1) }
        guard lua_type(thread, -1) == LUA_TSTRING else { return "(error object is not a string)" }
        var length = 0
        guard let pointer = lua_tolstring(thread, -1, &length) else { return "" }
        return PluginErrorText.cleanWithTraceback(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    static func fileReason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return nsError.localizedDescription
    }

    // MARK: The trampoline's Swift side

    static func owner(of thread: OpaquePointer) -> LuaState? {
        guard let pointer = limber_owner(thread) else { return nil }
        return Unmanaged<LuaState>.fromOpaque(pointer).takeUnretainedValue()
    }

    private static func dispatch(
        _ thread: OpaquePointer?, _ box: UnsafeMutableRawPointer?,
        _ result: UnsafeMutablePointer<limber_call_result>?
    ) -> Int32 {
        guard let result else { return -1 }
        guard let thread, let box, let state = owner(of: thread) else {
            return fail(result, "limber: host function called without its state")
        }
        let function = Unmanaged<HostFunction>.fromOpaque(box).takeUnretainedValue()
        do {
            var arguments: [LuaValue] = []
            let count = lua_gettop(thread)
            var reader = LuaReader(state: state, thread: thread)
            if count > 0 {
                for index in 1...count { arguments.append(try reader.read(at: index)) }
            }
            var call = LuaCall(state: state, arguments: arguments, thread: thread)
            let results = try function.body(&call)
            var encoding = LuaEncoding(for: state)
            for value in results { try encoding.append(value) }
            if !encoding.bytes.isEmpty {
                guard let ops = malloc(encoding.bytes.count) else { return fail(result, "not enough memory") }
                encoding.bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress { ops.copyMemory(from: base, byteCount: raw.count) }
                }
                result.pointee.ops = ops.assumingMemoryBound(to: UInt8.self)
                result.pointee.ops_len = encoding.bytes.count
            }
            return Int32(results.count)
        } catch let error as LuaError {
            return fail(result, error.message)
        } catch {
            return fail(result, String(describing: error))
        }
    }

    private static func fail(_ result: UnsafeMutablePointer<limber_call_result>, _ message: String) -> Int32 {
        let bytes = Array(message.utf8)
        if let buffer = malloc(max(1, bytes.count)) {
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
            }
            result.pointee.error = buffer.assumingMemoryBound(to: CChar.self)
            result.pointee.error_len = bytes.count
        }
        return -1
    }
}
