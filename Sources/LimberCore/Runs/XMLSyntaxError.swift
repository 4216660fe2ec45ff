/// Why ``XMLScanner`` refused a document: a short lower-case message and the byte it stopped at.
struct XMLSyntaxError: Error, Equatable {
    let message: String
    /// The offset in the document's bytes of the construct at fault.
    let offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message for a document that ends inside a construct.
    static let cutShort = "the XML breaks off (cut short?)"
}
