import ECSCore

/// The state of one `ecs.images` loop: which page comes next and whether one does. The page itself
/// lives in the Lua iterator (`ImagesScript`), so memory does not grow with the image count.
final class ImagePager {
    /// The parameters of every page request, without `PageNumber`.
    let parameters: [String: ParameterValue]
    /// Images per request.
    let pageSize: Int64
    /// The page the next request asks for.
    private(set) var nextPage: Int64
    /// True once the last page has been read.
    private(set) var exhausted = false
    /// The position in the whole list of the last image read (the pages before `firstPage` included).
    private var listed: Int64

    /// A pager starting at `firstPage`.
    init(parameters: [String: ParameterValue], pageSize: Int64, firstPage: Int64) {
        self.parameters = parameters
        self.pageSize = pageSize
        self.nextPage = firstPage
        listed = (firstPage - 1) * pageSize
    }

    /// The parameters of the next page's request.
    var nextRequestParameters: [String: ParameterValue] {
        var p = parameters
        p["PageNumber"] = .int(nextPage)
        p["PageSize"] = .int(pageSize)
        return p
    }

    /// Books a DescribeImages answer of `count` images (of `total`, when the answer says) and decides
    /// whether more pages follow.
    func accept(count: Int, total: Int64?) {
        listed += Int64(count)
        exhausted = ImagePaginator.isLastPage(count: count, pageSize: Int(pageSize), listedThrough: listed, total: total)
        nextPage += 1
    }
}
