/// A Lua string: bytes, which need not be UTF-8. Lua strings cross the bridge unchanged.
public struct LuaString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    /// The bytes as text; invalid UTF-8 is replaced with U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as text, or nil when they are not valid UTF-8.
    public var utf8String: String? { String(validating: bytes, as: UTF8.self) }
}
