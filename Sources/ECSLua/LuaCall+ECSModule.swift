import LuaBridge

extension LuaCall {
    /// Whether the value at `index` is the `ecs` table itself: what `ecs:describe_images{...}` (a colon
    /// typed for a dot) passes as the first argument.
    func isECSModule(at index: Int32) -> Bool { isLoadedModule("ecs", at: index) }
}

extension ECSLuaError {
    /// The error for `ecs:name{...}`: the `ecs` table arrived where the parameters belong.
    static func methodCall(_ name: String, location: String?) -> ECSLuaError {
        ECSLuaError(
            code: "InvalidParameter",
            message: "ecs.\(name) is called with a dot, not a colon: write ecs.\(name), not ecs:\(name)",
            action: name, location: location)
    }
}
