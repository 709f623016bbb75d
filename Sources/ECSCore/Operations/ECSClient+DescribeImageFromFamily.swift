extension ECSClient {
    /// DescribeImageFromFamily: Returns the latest available image of a family.
    public func describeImageFromFamily(_ request: DescribeImageFromFamilyRequest) async throws -> DescribeImageFromFamilyResponse {
        try await send(request)
    }
}
