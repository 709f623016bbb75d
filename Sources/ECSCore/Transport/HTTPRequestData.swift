import Foundation

/// One HTTP request as the transport sends it: already signed, nothing left to compute.
public struct HTTPRequestData: Sendable {
    /// The HTTP method, e.g. `POST`.
    public var method: String
    /// The full URL including the query string.
    public var url: URL
    /// The headers in sending order; names as given.
    public var headers: [(name: String, value: String)]
    /// The request body (empty for the RPC style).
    public var body: Data

    /// Creates a request.
    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
