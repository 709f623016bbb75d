/// A signed request ready for the transport: method, host, path, wire query, headers and body.
public struct SignedRequest: Sendable {
    /// HTTP method.
    public var method: String
    /// Host (the `host` header value).
    public var host: String
    /// Request path, `/` for RPC.
    public var path: String
    /// Query in wire form: percent-encoded, space as `+`, no leading `?`.
    public var query: String
    /// Headers in the order they should be sent; names as the official SDK spells them.
    public var headers: [(name: String, value: String)]
    /// Request body.
    public var body: String

    /// Creates a signed request from its parts.
    public init(
        method: String, host: String, path: String, query: String,
        headers: [(name: String, value: String)], body: String
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The path followed by `?query` (or the bare path when the query is empty), as on the request line.
    public var pathAndQuery: String {
        query.isEmpty ? path : path + "?" + query
    }

    /// The value of the first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
