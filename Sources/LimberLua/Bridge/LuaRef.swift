import CLua
import CLuaShim

/// A registry reference that keeps a Lua value alive while Swift holds it.
///
/// Released when the last Swift reference goes; does nothing once the state is closed.
package final class LuaRef {
    let ref: Int32
    /// The Lua type name, captured when the reference was made.
    package let typeName: String
    private let link: OwnerLink<LuaState>

    init(ref: Int32, typeName: String, state: LuaState) {
        self.ref = ref
        self.typeName = typeName
        link = state.link
    }

    deinit {
        link.owner?.releaseReference(ref)
    }

    /// Whether this reference belongs to `state`.
    func belongs(to state: LuaState) -> Bool { link.owner === state }
}
