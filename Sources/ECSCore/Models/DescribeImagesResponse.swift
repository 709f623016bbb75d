/// One page of DescribeImages.
public struct DescribeImagesResponse: ECSResponse, Equatable {
    /// `RequestId`.
    public var requestId: String?
    /// `RegionId`.
    public var regionId: String?
    /// `TotalCount`: matching images across all pages.
    public var totalCount: Int?
    /// `PageNumber` of this page.
    public var pageNumber: Int?
    /// `PageSize` of this page.
    public var pageSize: Int?
    /// `Images.Image`, flattened.
    public var images: [ECSImage]

    /// Creates a page.
    public init(
        requestId: String? = nil, regionId: String? = nil, totalCount: Int? = nil, pageNumber: Int? = nil,
        pageSize: Int? = nil, images: [ECSImage] = []
    ) {
        self.requestId = requestId
        self.regionId = regionId
        self.totalCount = totalCount
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.images = images
    }

    /// Decodes a page; `Images.Image` may be an array, a lone object, or absent.
    public init(json: JSONValue) throws {
        try Self.requireObject(json)
        requestId = json["RequestId"]?.stringValue
        regionId = json["RegionId"]?.stringValue
        totalCount = json["TotalCount"]?.intValue.map { Int($0) }
        pageNumber = json["PageNumber"]?.intValue.map { Int($0) }
        pageSize = json["PageSize"]?.intValue.map { Int($0) }
        images = (json["Images"]?.list("Image") ?? []).map(ECSImage.init(json:))
    }
}
