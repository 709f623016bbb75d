/// Every image that matches a DescribeImages request, fetched page by page as the loop advances.
public struct ImagePaginator: AsyncSequence, Sendable {
    /// Images, in the order the pages list them.
    public typealias Element = ECSImage

    /// The client that fetches the pages.
    public let client: ECSClient
    /// The filters; `pageNumber` is the first page fetched, `pageSize` is clamped to 1...100 (default 100).
    public let request: DescribeImagesRequest

    /// Creates a paginator.
    public init(client: ECSClient, request: DescribeImagesRequest) {
        self.client = client
        self.request = request
    }

    /// Fetches pages lazily; stops after a short or empty page or once `TotalCount` images were seen.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let client: ECSClient
        private var request: DescribeImagesRequest
        private var buffer: [ECSImage] = []
        private var seen = 0
        private var finished = false

        init(client: ECSClient, request: DescribeImagesRequest) {
            self.client = client
            var request = request
            request.pageSize = Swift.min(Swift.max(request.pageSize ?? DescribeImagesRequest.maxPageSize, 1), DescribeImagesRequest.maxPageSize)
            request.pageNumber = Swift.max(request.pageNumber ?? 1, 1)
            self.request = request
        }

        /// The next image, fetching the next page when the current one is used up.
        public mutating func next() async throws -> ECSImage? {
            while buffer.isEmpty {
                if finished { return nil }
                let page = try await client.describeImages(request)
                let pageSize = request.pageSize ?? DescribeImagesRequest.maxPageSize
                seen += page.images.count
                buffer = page.images
                request.pageNumber = (request.pageNumber ?? 1) + 1
                if page.images.count < pageSize || page.images.isEmpty { finished = true }
                if let total = page.totalCount, seen >= total { finished = true }
            }
            return buffer.removeFirst()
        }
    }

    /// Starts a new pass from the first requested page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, request: request)
    }
}

extension ECSClient {
    /// Every image matching `request`, across all pages: `for try await image in client.images(...)`.
    public func images(_ request: DescribeImagesRequest = DescribeImagesRequest()) -> ImagePaginator {
        ImagePaginator(client: self, request: request)
    }
}
