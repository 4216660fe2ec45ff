/// One function of the `limber` Lua API: where it lives, what it takes and gives, and its body.
///
/// The list of these in `HostAPI` is the single source of truth: the installer builds the
/// `limber` table from it, `help()` prints it, and the LuaLS stub file is generated from it.
public struct APIFunction {
    /// A documented parameter.
    public typealias Parameter = APIField

    /// A documented result.
    public struct Result: Sendable, Equatable {
        public let type: String
        public let summary: String

        public init(_ type: String, _ summary: String) {
            self.type = type
            self.summary = summary
        }
    }

    public typealias Body = (LimberHost, inout LuaCall) throws -> [LuaValue]

    /// Dotted path under `limber`: `catalogue.find`, `routine`, `timer.sleep`.
    public let path: String
    public let summary: String
    public let parameters: [Parameter]
    public let results: [Result]
    /// A short example of use, shown by `help()`.
    public let example: String?
    let body: Body

    public init(
        _ path: String, summary: String, parameters: [Parameter] = [], results: [Result] = [],
        example: String? = nil, body: @escaping Body
    ) {
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.results = results
        self.example = example
        self.body = body
    }

    /// `limber.catalogue.find(filter)`.
    public var signature: String {
        "limber.\(path)(\(parameters.map(\.name).joined(separator: ", ")))"
    }

    /// The namespace (`catalogue`), or nil for a function directly under `limber`.
    public var namespace: String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    /// The function's own name (`find`).
    public var name: String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[path.index(after: dot)...])
    }
}

/// A table shape that the API takes or returns, documented for `help()` and the LuaLS stub.
public struct APIClass: Sendable, Equatable {
    /// A documented field.
    public typealias Field = APIField

    /// LuaLS class name: `limber.Exercise`.
    public let name: String
    public let summary: String
    public let fields: [Field]

    public init(_ name: String, summary: String, fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }
}

/// A sub-table of `limber`, documented.
public struct APINamespace: Sendable, Equatable {
    public let name: String
    public let summary: String

    public init(_ name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A named, typed, documented value: a function's parameter or a table's field.
/// `type` is a LuaLS type expression (`string`, `integer?`, `limber.ExerciseFilter`).
public struct APIField: Sendable, Equatable {
    public let name: String
    public let type: String
    public let summary: String

    public init(_ name: String, _ type: String, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}
