/// The namespace prefixes in scope while ``XMLScanner`` reads (Namespaces in XML 1.0): each open
/// element's declarations, innermost last.
struct XMLNamespaces {
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xmlns = "http://www.w3.org/2000/xmlns/"

    /// Prefix ("" for the default namespace) and name, in declaration order.
    private var bindings: [(prefix: String, uri: String)] = []
    /// How many bindings each open element added.
    private var counts: [Int] = []

    /// Opens an element's scope with its `xmlns` and `xmlns:p` attributes; a declaration that
    /// Namespaces in XML forbids is the message.
    mutating func open(_ declarations: [(prefix: String, uri: String)]) -> String? {
        for (prefix, uri) in declarations {
            if prefix == "xmlns" { return "the prefix xmlns cannot be declared" }
            if prefix == "xml" && uri != Self.xml { return "the prefix xml cannot be bound to another namespace" }
            if prefix != "xml" && (uri == Self.xml || uri == Self.xmlns) {
                return "the namespace \(uri) is reserved"
            }
            if !prefix.isEmpty && uri.isEmpty { return "the prefix \(prefix) cannot be undeclared" }
        }
        bindings += declarations
        counts.append(declarations.count)
        return nil
    }

    /// Closes the innermost element's scope.
    mutating func close() {
        guard let count = counts.popLast() else { return }
        bindings.removeLast(min(count, bindings.count))
    }

    /// The namespace a prefix stands for here (`xml` is always bound), or nil when undeclared.
    func uri(of prefix: String) -> String? {
        if prefix == "xml" { return Self.xml }
        return bindings.last { $0.prefix == prefix }?.uri
    }
}
