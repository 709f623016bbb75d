extension ECSClient {
    /// Sends a typed request through `send` (validated, paced, retried) and decodes its typed answer.
    public func send<Request: ECSRequest>(_ request: Request) async throws -> Request.Response {
        let json = try await send(action: Request.action, parameters: request.parameters)
        return try Request.Response(json: json)
    }
}
