/// One function of the `limber` Lua API: where it lives, what it takes and gives, and its body.
///
/// The list of these in `HostAPI` is the single source of truth: the installer builds the
/// `limber` table from it, `help()` prints it, and the LuaLS stub file is generated from it.
package struct APIFunction {
    /// A documented parameter.
    package typealias Parameter = APIField

    /// A documented result.
    package struct Result: Sendable, Equatable {
        package let type: String
        package let summary: String

        package init(_ type: String, _ summary: String) {
            self.type = type
            self.summary = summary
        }
    }

    package typealias Body = (LimberHost, inout LuaCall) throws -> [LuaValue]
    /// A body of the scalar form (see ``HostFunction``): lazily read arguments, one scalar result.
    package typealias ScalarBody = (LimberHost, LuaArguments) throws -> LuaScalar

    /// The two kinds of body, as in ``HostFunction``.
    enum Form {
        case values(Body)
        case scalar(ScalarBody)
    }

    /// Dotted path under `limber`: `catalogue.find`, `routine`, `timer.sleep`.
    package let path: String
    package let summary: String
    package let parameters: [Parameter]
    package let results: [Result]
    /// A short example of use, shown by `help()`.
    package let example: String?
    let form: Form

    package init(
        _ path: String, summary: String, parameters: [Parameter] = [], results: [Result] = [],
        example: String? = nil, body: @escaping Body
    ) {
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.results = results
        self.example = example
        form = .values(body)
    }

    /// A function of the scalar form, for arguments and a result that fit it.
    package init(
        _ path: String, summary: String, parameters: [Parameter] = [], results: [Result] = [],
        example: String? = nil, scalar body: @escaping ScalarBody
    ) {
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.results = results
        self.example = example
        form = .scalar(body)
    }

    /// `limber.catalogue.find(filter)`.
    package var signature: String {
        "limber.\(path)(\(parameters.map(\.name).joined(separator: ", ")))"
    }

    /// The namespace (`catalogue`), or nil for a function directly under `limber`.
    package var namespace: String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    /// The function's own name (`find`).
    package var name: String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[path.index(after: dot)...])
    }
}

/// A table shape that the API takes or returns, documented for `help()` and the LuaLS stub.
package struct APIClass: Sendable, Equatable {
    /// A documented field.
    package typealias Field = APIField

    /// LuaLS class name: `limber.Exercise`.
    package let name: String
    package let summary: String
    package let fields: [Field]

    package init(_ name: String, summary: String, fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }
}

/// A sub-table of `limber`, documented.
package struct APINamespace: Sendable, Equatable {
    package let name: String
    package let summary: String

    package init(_ name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A named, typed, documented value: a function's parameter or a table's field.
/// `type` is a LuaLS type expression (`string`, `integer?`, `limber.ExerciseFilter`).
package struct APIField: Sendable, Equatable {
    package let name: String
    package let type: String
    package let summary: String

    package init(_ name: String, _ type: String, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}
