/// DescribeImageSharePermission: the accounts and groups a custom image is shared with.
public struct DescribeImageSharePermissionRequest: ECSRequest, Equatable {
    /// The share list.
    public typealias Response = DescribeImageSharePermissionResponse
    /// `DescribeImageSharePermission`.
    public static let action = "DescribeImageSharePermission"

    /// `ImageId`.
    public var imageId: String
    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `PageNumber`, 1-based.
    public var pageNumber: Int?
    /// `PageSize`, at most 100.
    public var pageSize: Int?
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request for `imageId`.
    public init(
        imageId: String, regionId: String? = nil, pageNumber: Int? = nil, pageSize: Int? = nil,
        owner: OwnerParameters = OwnerParameters()
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("ImageId", imageId)
        builder.set("RegionId", regionId)
        builder.set("PageNumber", pageNumber)
        builder.set("PageSize", pageSize)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
