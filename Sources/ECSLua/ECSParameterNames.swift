/// Parameter names for the REPL's completion inside an `ecs` call's table (`ecs.modify_image_attribute{ Im<TAB>`).
public enum ECSParameterNames {
    /// The parameter names of the table being typed, sorted; empty when unknown. `function` is the call
    /// (`ecs.modify_image_attribute`, with or without `ecs.`), a table nested in it
    /// (`ecs.modify_image_attribute.Features`), or `ecs.call` with its action (`ecs.call.ModifyImageAttribute`).
    public static func names(forFunction function: String) -> [String] {
        let key = function.hasPrefix("ecs.") ? String(function.dropFirst(4)) : function
        switch key {
        case "wait_image": return ECSModule.waitImageKeys.sorted()
        case "config": return ECSModule.configKeys.sorted()
        default: return fields(of: key)?.map(\.name).sorted() ?? []
        }
    }

    /// The fields of a function's table, of `call.<Action>`'s, or of a structure nested in one of those.
    private static func fields(of key: String) -> [ParameterField]? {
        switch key {
        case "images": return ActionSchemas.describeImages.fields
        case "validate.modify_image_attribute": return ActionSchemas.modifyImageAttribute.fields
        default: break
        }
        if let schema = ActionSchemas.all.first(where: { $0.function == key }) { return schema.fields }
        if key.hasPrefix("call."), let schema = ActionSchemas.all.first(where: { "call." + $0.action == key }) {
            return schema.fields
        }
        guard let dot = key.lastIndex(of: "."), let parent = fields(of: String(key[..<dot])) else { return nil }
        let name = key[key.index(after: dot)...]
        guard let field = parent.first(where: { $0.name == name }), case .structure(let nested) = field.type else { return nil }
        return nested
    }
}
