/// An RPC request before signing: action, version and flattened API parameters, without the common ones.
public struct UnsignedRequest: Sendable, Equatable {
    /// HTTP method, `POST` for every ECS RPC call.
    public var method: String
    /// Host name (with `:port` when not the scheme's default), as sent in the `host` header.
    public var host: String
    /// Request path; `/` for RPC APIs.
    public var path: String
    /// API action, e.g. `ModifyImageAttribute`.
    public var action: String
    /// API version, `2014-05-26` for ECS.
    public var version: String
    /// Flattened API parameters (`Features.ImdsSupport`, `Tag.1.Key`), without the common ones.
    public var parameters: [String: String]
    /// Request body, form-encoded when not empty; empty for ECS calls.
    public var body: String

    /// Creates an unsigned request; the defaults are those of an ECS RPC call.
    public init(
        method: String = "POST", host: String, path: String = "/", action: String,
        version: String = "2014-05-26", parameters: [String: String], body: String = ""
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.action = action
        self.version = version
        self.parameters = parameters
        self.body = body
    }
}
