extension ECSClient {
    /// ModifyImageAttribute: Changes the attributes of a custom image.
    public func modifyImageAttribute(_ request: ModifyImageAttributeRequest) async throws -> RequestIdResponse {
        try await send(request)
    }
}
