import CLuaShim

/// Values flattened into the shim's push instructions.
///
/// Swift never pushes plugin-sized data itself: allocation can raise a Lua error, and a raise
/// must not cross a Swift frame. Values are encoded here and pushed by C inside a protected call.
struct LuaEncoding {
    private(set) var bytes: [UInt8] = []
    private let state: LuaState

    init(for state: LuaState) { self.state = state }

    mutating func op(_ code: Int) { bytes.append(UInt8(code)) }

    private mutating func raw<T>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: LuaString) {
        op(LIMBER_OP_STR)
        raw(UInt64(text.bytes.count))
        bytes.append(contentsOf: text.bytes)
    }

    mutating func reference(_ ref: LuaRef) throws(LuaError) {
        guard ref.belongs(to: state) else {
            throw .conversion("a value from another Lua state cannot be passed here")
        }
        op(LIMBER_OP_REF)
        raw(ref.ref)
    }

    /// Retains `object` for Lua; the userdata's `__gc` releases it.
    private mutating func retained(_ object: AnyObject) {
        raw(UInt(bitPattern: Unmanaged.passRetained(object).toOpaque()))
    }

    /// Writes `values` into `buffer` when every one is nil, a boolean or a number and they fit;
    /// returns the bytes written, or nil (and `buffer` means nothing) otherwise. The shim pushes
    /// such results without a protected call, since pushing them cannot raise.
    static func scalars(_ values: [LuaValue], into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        var at = 0
        for value in values {
            guard buffer.count - at >= 9 else { return nil }
            switch value {
            case .nil: buffer[at] = UInt8(LIMBER_OP_NIL)
            case .boolean(let b): buffer[at] = UInt8(b ? LIMBER_OP_TRUE : LIMBER_OP_FALSE)
            case .integer(let i):
                buffer[at] = UInt8(LIMBER_OP_INT)
                buffer.storeBytes(of: i, toByteOffset: at + 1, as: Int64.self)
                at += 8
            case .number(let d):
                buffer[at] = UInt8(LIMBER_OP_NUM)
                buffer.storeBytes(of: d, toByteOffset: at + 1, as: Double.self)
                at += 8
            default: return nil
            }
            at += 1
        }
        return at
    }

    mutating func append(_ value: LuaValue) throws(LuaError) {
        switch value {
        case .nil: op(LIMBER_OP_NIL)
        case .boolean(let b): op(b ? LIMBER_OP_TRUE : LIMBER_OP_FALSE)
        case .integer(let i):
            op(LIMBER_OP_INT)
            raw(i)
        case .number(let d):
            op(LIMBER_OP_NUM)
            raw(d)
        case .string(let s): string(s)
        case .table(let table):
            let arrayCount = table.isArray ? table.count : 0
            op(LIMBER_OP_TABLE)
            raw(UInt32(clamping: arrayCount))
            raw(UInt32(clamping: table.count - arrayCount))
            for (key, element) in table.sortedEntries {
                try append(key.value)
                try append(element)
                op(LIMBER_OP_SET)
            }
        case .function(.lua(let ref)), .opaque(let ref):
            try reference(ref)
        case .function(.host(let function)):
            op(LIMBER_OP_FUNC)
            retained(function)
        case .object(let object):
            let metatable = object.metatable ?? state.defaultObjectMetatable
            guard let metatable else { throw .conversion("objects need a metatable in this state") }
            guard metatable.belongs(to: state) else {
                throw .conversion("a value from another Lua state cannot be passed here")
            }
            op(LIMBER_OP_OBJ)
            retained(object)
            raw(metatable.ref)
        }
    }
}
