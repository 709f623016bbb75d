/// A typed answer decoded tolerantly from the JSON body: unknown fields ignored, loose scalar types accepted.
public protocol ECSResponse: Sendable {
    /// Decodes the answer; throws `ECSClientError.decoding` only when the body is not a JSON object.
    init(json: JSONValue) throws
}

extension ECSResponse {
    /// Checks that `json` is an object, as every ECS answer is.
    static func requireObject(_ json: JSONValue) throws {
        guard case .object = json else {
            throw ECSClientError.decoding("expected a JSON object for \(Self.self), got \(json.jsonText.prefix(80))")
        }
    }
}
