/// What the `ecs` module knows about one API action: its Lua function, parameters, result and errors.
public struct ActionSchema: Sendable {
    /// The API action (`ModifyImageAttribute`).
    public let action: String
    /// The `ecs` function that sends it (`modify_image_attribute`).
    public let function: String
    /// What the action does, in one line.
    public let summary: String
    /// The parameters, in the model's order.
    public let fields: [ParameterField]
    /// What the Lua function returns, in one line.
    public let returns: String
    /// The error codes this action documents (messages come from `ErrorCatalog`).
    public let errorCodes: [String]
    /// A one-line Lua example.
    public let example: String

    /// The field called `name`, if any.
    public func field(_ name: String) -> ParameterField? { fields.first { $0.name == name } }
}
