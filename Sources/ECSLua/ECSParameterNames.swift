/// Parameter names for the REPL's completion inside an `ecs` call's table (`ecs.modify_image_attribute{ Im<TAB>`).
public enum ECSParameterNames {
    /// The top-level parameter names of `ecs.<function>` (with or without the `ecs.` prefix), sorted; empty when unknown.
    public static func names(forFunction function: String) -> [String] {
        let key = function.hasPrefix("ecs.") ? String(function.dropFirst(4)) : function
        switch key {
        case "images": return ActionSchemas.describeImages.fields.map(\.name).sorted()
        case "wait_image": return ECSModule.waitImageKeys.sorted()
        case "config": return ECSModule.configKeys.sorted()
        case "validate.modify_image_attribute": return ActionSchemas.modifyImageAttribute.fields.map(\.name).sorted()
        default: return ActionSchemas.all.first { $0.function == key }?.fields.map(\.name).sorted() ?? []
        }
    }
}
