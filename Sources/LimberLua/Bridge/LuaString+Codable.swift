/// A Lua string in a Codable model keeps its exact bytes through ``LuaValueEncoder`` and
/// ``LuaValueDecoder``. Other coders see text: valid UTF-8 encodes as a `String`, anything else
/// is an encoding error rather than a silent replacement of bytes.
extension LuaString: Codable {
    package init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        guard let text = utf8String else {
            throw EncodingError.invalidValue(
                self,
                .init(codingPath: encoder.codingPath, debugDescription: "a string that is not UTF-8 cannot be encoded as text"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
