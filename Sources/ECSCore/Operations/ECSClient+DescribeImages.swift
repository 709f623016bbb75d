extension ECSClient {
    /// DescribeImages: Returns one page of matching images (see `images(_:)` for all pages).
    public func describeImages(_ request: DescribeImagesRequest = DescribeImagesRequest()) async throws -> DescribeImagesResponse {
        try await send(request)
    }
}
