import CLua
import CLuaShim
import Foundation

/// One Lua 5.4 state and the only way limber's Swift code touches it.
///
/// Every entry into Lua is a protected call with a traceback handler; values are read with raw
/// access only and pushed through the shim under protection. A state belongs to one thread at
/// a time and is closed when the last reference to it goes.
package final class LuaState {
    let L: OpaquePointer
    /// The metatable given to Swift objects that have none of their own.
    private(set) var defaultObjectMetatable: LuaRef?
    private var linkStorage: OwnerLink<LuaState>?

    /// What references into this state hold instead of a weak reference (see `OwnerLink`).
    var link: OwnerLink<LuaState> {
        if let linkStorage { return linkStorage }
        let made = OwnerLink(self)
        linkStorage = made
        return made
    }

    private static let callbacksInstalled: Bool = {
        limber_install_callbacks(
            { thread, box, result in LuaState.dispatch(thread, box, result) },
            { box in
                guard let box else { return }
                Unmanaged<AnyObject>.fromOpaque(box).release()
            })
        limber_install_exit_callback { thread, code in
            guard let thread, let owner = limber_owner(thread) else { exit(code) }
            Unmanaged<LuaState>.fromOpaque(owner).takeUnretainedValue().closeAndExit(code)
        }
        return true
    }()

    /// Runs after `os.exit(code, true)` has closed the state, just before the process exits:
    /// the host's own clean-up (finishing logged sessions).
    package var cleanupBeforeExit: ((Int32) -> Void)?
    /// Set once the state is being closed for `os.exit(code, true)`: references are left alone.
    private var closing = false

    /// `os.exit(code, true)`: closes the state as lua.c does (to-be-closed variables, then
    /// finalizers), runs the host's clean-up and exits. Never returns: nothing may run on the
    /// closed state, and no Lua frame below is ever returned to.
    private func closeAndExit(_ code: Int32) -> Never {
        closing = true
        limber_close(L)
        cleanupBeforeExit?(code)
        exit(code)
    }

    /// A state with the standard libraries open; `memoryLimit` in bytes caps what Lua may hold.
    package init(memoryLimit: Int = 0) throws(LuaError) {
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
        linkStorage?.clear()
        limber_close(L)
    }

    // MARK: Memory

    /// Bytes Lua holds now.
    package var memoryUsed: Int { limber_memory_used(L) }

    /// The cap on what Lua may hold, in bytes; 0 for none.
    package var memoryLimit: Int {
        get { limber_memory_limit(L) }
        set { limber_set_memory_limit(L, newValue) }
    }

    // MARK: Loading and calling

    /// Compiles a chunk (text only; binary chunks are refused) into a function value.
    ///
    /// `chunkName` follows Lua: `@path/file.lua` for files, `=name` for other sources.
    package func load(_ source: some Collection<UInt8>, chunkName: String) throws(LuaError) -> LuaValue {
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
    package func load(file path: String) throws(LuaError) -> LuaValue {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .file(path: path, reason: Self.fileReason(error))
        }
        return try load(Self.scriptText(data), chunkName: "@" + path)
    }

    /// Reads a whole script from standard input and compiles it as `stdin`, as `lua5.4 -` does.
    package func loadStandardInput() throws(LuaError) -> LuaValue {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return try load(Self.scriptText(data), chunkName: "=stdin")
    }

    /// A script file's text as Lua compiles it, the way lua.c reads files: a UTF-8 byte-order
    /// mark is dropped, and a first line starting with `#` (`#!/usr/bin/env -S limber run`) is
    /// emptied but for its newline, so line numbers stay those of the file.
    static func scriptText(_ data: some Collection<UInt8>) -> [UInt8] {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.first == UInt8(ascii: "#") {
            let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            bytes.removeSubrange(bytes.startIndex..<end)
        }
        return bytes
    }

    /// Calls a function with arguments and returns every result.
    ///
    /// With `cpuLimit` (seconds of this thread's CPU time) a runaway call is stopped with an error,
    /// whatever its code does to catch it. With an `owner` (a plugin's path) the budget is that
    /// owner's: once spent, the owner is stopped (``stoppedOwners``) and every later call on its
    /// behalf fails at once without running any of its code.
    @discardableResult
    package func call(_ function: LuaValue, _ arguments: [LuaValue] = [], cpuLimit: Double = 0, owner: String? = nil)
        throws(LuaError) -> [LuaValue]
    {
        try call(function, arguments, cpuLimit: cpuLimit, owner: owner, on: L)
    }

    /// The owners whose budget was spent, with the error that stopped each.
    package private(set) var stoppedOwners: [String: String] = [:]

    /// The error a call on behalf of a stopped owner fails with.
    package func stoppedError(owner: String) -> LuaError? {
        guard let message = stoppedOwners[owner] else { return nil }
        return .runtime("\(owner) is stopped: \(message); its code no longer runs", traceback: "")
    }

    /// Lets stopped owners run again (a plugin test starts each test afresh).
    package func forgetStoppedOwners() { stoppedOwners = [:] }

    func call(_ function: LuaValue, _ arguments: [LuaValue], cpuLimit: Double, owner: String? = nil, on thread: OpaquePointer)
        throws(LuaError) -> [LuaValue]
    {
        if let owner, let refusal = stoppedError(owner: owner) { throw refusal }
        let top = lua_gettop(thread)
        defer { lua_settop(thread, top) }
        var encoding = LuaEncoding(for: self)
        try encoding.append(function)
        for argument in arguments { try encoding.append(argument) }
        try push(encoding, on: thread)
        var spent: Int32 = 0
        let status = limber_pcall_owned(thread, Int32(arguments.count), limber_multret(), cpuLimit, owner, &spent)
        guard status == LUA_OK else {
            let failure = error(status: status, on: thread)
            if spent != 0, let owner, case .runtime(let message, _) = failure { stoppedOwners[owner] = message }
            throw failure
        }
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
    package func run(_ source: String, chunkName: String = "=chunk", cpuLimit: Double = 0) throws(LuaError) -> [LuaValue] {
        let function = try load(Array(source.utf8), chunkName: chunkName)
        return try call(function, cpuLimit: cpuLimit)
    }

    // MARK: Globals

    /// Reads a global with raw access.
    package func global(_ name: String) throws(LuaError) -> LuaValue {
        var encoding = LuaEncoding(for: self)
        encoding.op(LIMBER_OP_GLOBALS)
        encoding.string(LuaString(name))
        encoding.op(LIMBER_OP_RAWGET)
        try push(encoding, on: L)
        defer { limber_pop(L, 1) }
        return try value(at: -1, on: L)
    }

    /// Sets a global with raw access.
    package func setGlobal(_ name: String, _ value: LuaValue) throws(LuaError) {
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
    package func reference(_ value: LuaValue) throws(LuaError) -> LuaRef {
        var encoding = LuaEncoding(for: self)
        try encoding.append(value)
        return try pushAndReference(encoding)
    }

    // MARK: Objects

    /// Makes a metatable for Swift objects from `fields` (`__index`, `__tostring`, ...).
    package func objectMetatable(_ fields: LuaTable) throws(LuaError) -> LuaRef {
        var encoding = LuaEncoding(for: self)
        try encoding.append(.table(fields))
        encoding.op(LIMBER_OP_BOXMETA)
        return try pushAndReference(encoding)
    }

    // MARK: Stops

    /// Whether `os.exit` was called, with its code.
    package var exitRequest: Int32? {
        var code: Int32 = 0
        return limber_exit_requested(L, &code) != 0 ? code : nil
    }

    /// Stops the running code with an "interrupted" error; safe to call from a signal handler.
    package func interrupt() { limber_interrupt(L) }

    /// Runs `body` as plugin code: what the sandbox keeps from plugins (string.dump, reachable
    /// through the shared string metatable) is refused until it returns.
    @discardableResult
    package func inSandbox<T>(_ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        limber_enter_sandbox(L)
        defer { limber_leave_sandbox(L) }
        return try body()
    }

    /// Interrupts and keeps interrupting (a pcall that catches it is stopped again) until
    /// `releaseInterrupt()`; safe from any thread.
    package func interruptHeld() { limber_interrupt_hold(L) }

    /// Ends a held or pending interrupt; a pending `os.exit` stays.
    package func releaseInterrupt() { limber_interrupt_release(L) }

    /// Forgets a pending exit or interrupt, so the state can run code again.
    package func resetStop() { limber_reset_stop(L) }

    // MARK: Internals

    func releaseReference(_ ref: Int32) {
        if closing { return }
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
        guard let thread, let box else { return fail(result, "limber: host function called without its state") }
        // Both outlive the call (the state owns the lua_State; the closure being called holds the
        // box), so they are borrowed, not retained: each retain is an atomic operation.
        return Unmanaged<HostFunction>.fromOpaque(box)._withUnsafeGuaranteedRef { function in
            if function.scalarBody != nil { return invokeScalar(function, on: thread, result) }
            guard let owner = limber_owner(thread) else {
                return fail(result, "limber: host function called without its state")
            }
            return Unmanaged<LuaState>.fromOpaque(owner)._withUnsafeGuaranteedRef { state in
                invoke(function, in: state, on: thread, result)
            }
        }
    }

    /// A call of the scalar form: the arguments stay on the stack, the result goes straight
    /// into the trampoline's buffer.
    private static func invokeScalar(
        _ function: HostFunction, on thread: OpaquePointer, _ result: UnsafeMutablePointer<limber_call_result>
    ) -> Int32 {
        do {
            guard let count = try function.scalarBody?(LuaArguments(thread: thread)).write(into: result) else {
                return fail(result, "limber: no room for a host function's result")
            }
            return count
        } catch let error as LuaError {
            return fail(result, error.message)
        } catch {
            return fail(result, String(describing: error))
        }
    }

    private static func invoke(
        _ function: HostFunction, in state: LuaState, on thread: OpaquePointer,
        _ result: UnsafeMutablePointer<limber_call_result>
    ) -> Int32 {
        do {
            var arguments: [LuaValue] = []
            let count = lua_gettop(thread)
            var reader = LuaReader(state: state, thread: thread)
            if count > 0 {
                arguments.reserveCapacity(Int(count))
                for index in 1...count { arguments.append(try reader.read(at: index)) }
            }
            var call = LuaCall(state: state, arguments: arguments, thread: thread)
            let results = try function.valuesBody?(&call) ?? []
            if results.isEmpty { return 0 }
            let inline = UnsafeMutableRawBufferPointer(start: result.pointee.inline_ops, count: result.pointee.inline_capacity)
            if let written = LuaEncoding.scalars(results, into: inline) {
                // nil, booleans and numbers: the trampoline pushes them without a protected call
                result.pointee.ops = result.pointee.inline_ops
                result.pointee.ops_len = written
                return Int32(results.count)
            }
            var encoding = LuaEncoding(for: state)
            for value in results { try encoding.append(value) }
            let length = encoding.bytes.count
            var ops = result.pointee.inline_ops
            if length > inline.count {
                guard let buffer = malloc(length) else { return fail(result, "not enough memory") }
                ops = buffer.assumingMemoryBound(to: UInt8.self)
            }
            if let ops {
                encoding.bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress { UnsafeMutableRawPointer(ops).copyMemory(from: base, byteCount: length) }
                }
            }
            result.pointee.ops = ops
            result.pointee.ops_len = ops == nil ? 0 : length
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
