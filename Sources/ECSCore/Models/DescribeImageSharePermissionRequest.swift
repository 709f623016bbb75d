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
    /// `OwnerAccount`.
    public var ownerAccount: String?
    /// `OwnerId`.
    public var ownerId: Int64?
    /// `ResourceOwnerAccount`.
    public var resourceOwnerAccount: String?
    /// `ResourceOwnerId`.
    public var resourceOwnerId: Int64?

    /// Creates a request for `imageId`.
    public init(
        imageId: String, regionId: String? = nil, pageNumber: Int? = nil, pageSize: Int? = nil,
        ownerAccount: String? = nil, ownerId: Int64? = nil, resourceOwnerAccount: String? = nil,
        resourceOwnerId: Int64? = nil
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.ownerAccount = ownerAccount
        self.ownerId = ownerId
        self.resourceOwnerAccount = resourceOwnerAccount
        self.resourceOwnerId = resourceOwnerId
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("ImageId", imageId)
        builder.set("RegionId", regionId)
        builder.set("PageNumber", pageNumber)
        builder.set("PageSize", pageSize)
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
        return builder.parameters
    }
}
