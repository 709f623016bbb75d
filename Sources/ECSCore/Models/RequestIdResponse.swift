/// The answer of an action that returns only its request ID (ModifyImageAttribute, DeleteImage, ...).
public struct RequestIdResponse: ECSResponse, Equatable {
    /// The request ID (`dry-run` for an intercepted dry run).
    public var requestId: String?
    /// True when the client answered a dry run itself without sending.
    public var dryRun: Bool

    /// Creates an answer.
    public init(requestId: String?, dryRun: Bool = false) {
        self.requestId = requestId
        self.dryRun = dryRun
    }

    /// Decodes `{"RequestId": ...}`.
    public init(json: JSONValue) throws {
        try Self.requireObject(json)
        requestId = json["RequestId"]?.stringValue
        dryRun = json["DryRun"]?.boolValue ?? false
    }
}
