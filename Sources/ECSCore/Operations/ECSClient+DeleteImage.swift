extension ECSClient {
    /// DeleteImage: Deletes a custom image.
    public func deleteImage(_ request: DeleteImageRequest) async throws -> RequestIdResponse {
        try await send(request)
    }
}
