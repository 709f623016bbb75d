import Foundation

/// One complete HTTP response: status, headers and the whole body.
public struct HTTPResponseData: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers in arrival order.
    public var headers: [(name: String, value: String)]
    /// The whole body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
