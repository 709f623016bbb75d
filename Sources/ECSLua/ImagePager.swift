import ECSCore

/// The state of one `ecs.images` loop: the current page only, so memory does not grow with the image count.
final class ImagePager {
    /// The parameters of every page request, without `PageNumber`.
    let parameters: [String: ParameterValue]
    /// Images per request.
    let pageSize: Int64
    /// The page the next request asks for.
    private(set) var nextPage: Int64
    private var buffer: [JSONValue] = []
    private var position = 0
    /// True once the last page has been read.
    private(set) var exhausted = false

    /// A pager starting at `firstPage`.
    init(parameters: [String: ParameterValue], pageSize: Int64, firstPage: Int64) {
        self.parameters = parameters
        self.pageSize = pageSize
        self.nextPage = firstPage
    }

    /// The next buffered image, if any.
    func next() -> JSONValue? {
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    /// The parameters of the next page's request.
    var nextRequestParameters: [String: ParameterValue] {
        var p = parameters
        p["PageNumber"] = .int(nextPage)
        p["PageSize"] = .int(pageSize)
        return p
    }

    /// Takes a DescribeImages answer as the new buffer and decides whether more pages follow.
    func accept(_ response: JSONValue) {
        buffer = response["Images"]?.list("Image") ?? []
        position = 0
        let total = response["TotalCount"]?.intValue
        let seen = nextPage * pageSize
        if buffer.count < Int(pageSize) || (total.map { seen >= $0 } ?? false) { exhausted = true }
        nextPage += 1
    }
}
