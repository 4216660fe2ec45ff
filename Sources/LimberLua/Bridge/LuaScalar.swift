import CLuaShim

/// What a host function of the scalar form returns: no value, or one value whose push cannot
/// fail (nil, a boolean, an integer, a number), which the trampoline pushes from its own stack
/// buffer without a protected call or an allocation.
package enum LuaScalar: Equatable {
    /// No result at all: `select('#', f())` is 0.
    case nothing
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)

    /// Encodes the value into the result's inline buffer; returns how many values the
    /// trampoline is to push, or nil when it gave no buffer with room for one.
    func write(into result: UnsafeMutablePointer<limber_call_result>) -> Int32? {
        guard let ops = result.pointee.inline_ops, result.pointee.inline_capacity >= 9 else { return nil }
        let buffer = UnsafeMutableRawPointer(ops)
        var length = 1
        switch self {
        case .nothing: return 0
        case .nil: ops[0] = UInt8(LIMBER_OP_NIL)
        case .boolean(let b): ops[0] = UInt8(b ? LIMBER_OP_TRUE : LIMBER_OP_FALSE)
        case .integer(let i):
            ops[0] = UInt8(LIMBER_OP_INT)
            buffer.storeBytes(of: i, toByteOffset: 1, as: Int64.self)
            length = 9
        case .number(let d):
            ops[0] = UInt8(LIMBER_OP_NUM)
            buffer.storeBytes(of: d, toByteOffset: 1, as: Double.self)
            length = 9
        }
        result.pointee.ops = ops
        result.pointee.ops_len = length
        return 1
    }
}
