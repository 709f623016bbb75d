import Foundation

/// The emulator's answer: status, headers and a JSON body, or an instruction to drop the connection.
public struct EmulatorResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers with lower-cased names.
    public var headers: [String: String]
    /// The JSON body as the UTF-8 bytes that are sent.
    public var bodyBytes: [UInt8]
    /// True when the fault plan asks the server to close the connection without answering.
    public var dropsConnection: Bool

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: String, dropsConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.bodyBytes = Array(body.utf8)
        self.dropsConnection = dropsConnection
    }

    /// Creates a response from body bytes already encoded (no copy through a String).
    init(status: Int, headers: [String: String], bodyBytes: [UInt8]) {
        self.status = status
        self.headers = headers
        self.bodyBytes = bodyBytes
        self.dropsConnection = false
    }

    /// The JSON body text.
    public var body: String {
        get { String(decoding: bodyBytes, as: UTF8.self) }
        set { bodyBytes = Array(newValue.utf8) }
    }

    /// The body decoded as a JSON object, for callers that inspect fields.
    public var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bodyBytes))) as? [String: Any]
    }

    /// The `Code` field of an error body, nil for a success.
    public var errorCode: String? { jsonObject?["Code"] as? String }

    static func json(_ status: Int, _ value: JSONNode, headers: [String: String] = [:]) -> EmulatorResponse {
        var all = headers
        all["content-type"] = "application/json;charset=utf-8"
        return EmulatorResponse(status: status, headers: all, bodyBytes: value.serializedBytes())
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
