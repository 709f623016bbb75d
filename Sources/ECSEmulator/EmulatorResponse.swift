import Foundation

/// The emulator's answer: status, headers and a JSON body, or an instruction to drop the connection.
public struct EmulatorResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers with lower-cased names.
    public var headers: [String: String]
    /// The JSON body text.
    public var body: String
    /// True when the fault plan asks the server to close the connection without answering.
    public var dropsConnection: Bool

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: String, dropsConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.dropsConnection = dropsConnection
    }

    /// The body decoded as a JSON object, for callers that inspect fields.
    public var jsonObject: [String: Any]? {
        guard let data = body.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The `Code` field of an error body, nil for a success.
    public var errorCode: String? { jsonObject?["Code"] as? String }

    static func json(_ status: Int, _ value: JSONNode, headers: [String: String] = [:]) -> EmulatorResponse {
        var all = headers
        all["content-type"] = "application/json;charset=utf-8"
        return EmulatorResponse(status: status, headers: all, body: value.serialized())
    }
}

extension EmulatorResponse {
    /// The same response, marked to be replaced by a closed connection when `drop` is true.
    func dropping(_ drop: Bool) -> EmulatorResponse {
        var copy = self
        copy.dropsConnection = drop
        return copy
    }
}
