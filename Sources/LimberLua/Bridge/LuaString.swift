/// A Lua string: bytes, which need not be UTF-8. Lua strings cross the bridge unchanged.
package struct LuaString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    package var bytes: [UInt8]

    package init(bytes: [UInt8]) { self.bytes = bytes }
    package init(_ text: String) { bytes = Array(text.utf8) }
    package init(stringLiteral value: String) { self.init(value) }

    /// The bytes as text; invalid UTF-8 is replaced with U+FFFD.
    package var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as text, or nil when they are not valid UTF-8.
    package var utf8String: String? { String(validating: bytes, as: UTF8.self) }
}
