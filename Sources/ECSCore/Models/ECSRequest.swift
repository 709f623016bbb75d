/// A typed request for one ECS action: it knows its action and its flattened wire parameters.
public protocol ECSRequest: Sendable {
    /// The typed answer of this action.
    associatedtype Response: ECSResponse
    /// The API action name, e.g. `ModifyImageAttribute`.
    static var action: String { get }
    /// The wire parameters, flattened (`Features.ImdsSupport`, `Tag.1.Key`); absent fields are omitted.
    var parameters: [String: String] { get }
}
