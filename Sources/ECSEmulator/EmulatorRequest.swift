import Foundation

/// One HTTP request as the emulator sees it, independent of any server framework.
public struct EmulatorRequest: Sendable, Equatable {
    /// The HTTP method, upper-case (`GET`, `POST`).
    public var method: String
    /// The path without the query (`/`).
    public var path: String
    /// The raw query string as sent on the wire, without the leading `?`.
    public var query: String
    /// The request headers with lower-cased names.
    public var headers: [String: String]
    /// The request body as text (`application/x-www-form-urlencoded` or empty).
    public var body: String

    /// Creates a request; header names are lower-cased here so callers need not.
    public init(method: String, path: String = "/", query: String = "", headers: [String: String] = [:], body: String = "") {
        self.method = method.uppercased()
        self.path = path.isEmpty ? "/" : path
        self.query = query
        // Names differing only in case: the first in byte order wins, whatever the dictionary's order.
        var lowered: [String: String] = [:]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            let lower = name.lowercased()
            if lowered[lower] == nil { lowered[lower] = value }
        }
        self.headers = lowered
        self.body = body
    }

    /// Whether the body carries form-encoded parameters.
    var hasFormBody: Bool {
        guard !body.isEmpty else { return false }
        guard let type = headers["content-type"] else { return true }
        return type.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }
}
