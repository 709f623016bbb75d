extension ECSClient {
    /// ModifyImageSharePermission: Shares an image with accounts, publishes it, or revokes shares.
    public func modifyImageSharePermission(_ request: ModifyImageSharePermissionRequest) async throws -> RequestIdResponse {
        try await send(request)
    }
}
