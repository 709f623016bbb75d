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

    /// Whether a listing has ended after a page of `count` images, `listedThrough` being the position of its
    /// last image in the whole list: an empty page ends it; otherwise the answer's `TotalCount` decides
    /// when it has one (a short page before the end, from a server that pages by fewer than asked, is not
    /// the end), and without one a page shorter than `pageSize` is the last.
    public static func isLastPage(count: Int, pageSize: Int, listedThrough: Int64, total: Int64?) -> Bool {
        if count == 0 { return true }
        if let total { return listedThrough >= total }
        return count < pageSize
    }

    /// Fetches pages lazily; stops as `isLastPage` says.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let client: ECSClient
        private var request: DescribeImagesRequest
        private var buffer: [ECSImage] = []
        private var seen = 0
        private var finished = false
        /// The images before the first page fetched (pages before `pageNumber`).
        private let firstOffset: Int

        init(client: ECSClient, request: DescribeImagesRequest) {
            self.client = client
            var request = request
            request.pageSize = Swift.min(Swift.max(request.pageSize ?? DescribeImagesRequest.maxPageSize, 1), DescribeImagesRequest.maxPageSize)
            request.pageNumber = Swift.max(request.pageNumber ?? 1, 1)
            self.request = request
            firstOffset = ((request.pageNumber ?? 1) - 1) * (request.pageSize ?? DescribeImagesRequest.maxPageSize)
        }

        /// The next image, fetching the next page when the current one is used up.
        public mutating func next() async throws -> ECSImage? {
            while buffer.isEmpty {
                if finished { return nil }
                let page = try await client.describeImages(request)
                let pageSize = request.pageSize ?? DescribeImagesRequest.maxPageSize
                seen += page.images.count
                buffer = page.images
                finished = ImagePaginator.isLastPage(
                    count: page.images.count, pageSize: pageSize, listedThrough: Int64(firstOffset + seen), total: page.totalCount.map(Int64.init))
                request.pageNumber = (request.pageNumber ?? 1) + 1
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
