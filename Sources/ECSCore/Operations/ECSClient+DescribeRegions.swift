extension ECSClient {
    /// DescribeRegions: Lists the regions available to the account.
    public func describeRegions(_ request: DescribeRegionsRequest = DescribeRegionsRequest()) async throws -> DescribeRegionsResponse {
        try await send(request)
    }
}
