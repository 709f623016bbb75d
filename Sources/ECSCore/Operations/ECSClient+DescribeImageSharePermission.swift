extension ECSClient {
    /// DescribeImageSharePermission: Lists the accounts and groups an image is shared with.
    public func describeImageSharePermission(_ request: DescribeImageSharePermissionRequest) async throws -> DescribeImageSharePermissionResponse {
        try await send(request)
    }
}
