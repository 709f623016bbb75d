/// DescribeImageFromFamily: the latest available image of a family.
public struct DescribeImageFromFamilyRequest: ECSRequest, Equatable {
    /// The image found.
    public typealias Response = DescribeImageFromFamilyResponse
    /// `DescribeImageFromFamily`.
    public static let action = "DescribeImageFromFamily"

    /// `ImageFamily`.
    public var imageFamily: String
    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `OwnerAccount`.
    public var ownerAccount: String?
    /// `OwnerId`.
    public var ownerId: Int64?
    /// `ResourceOwnerAccount`.
    public var resourceOwnerAccount: String?
    /// `ResourceOwnerId`.
    public var resourceOwnerId: Int64?

    /// Creates a request for `imageFamily`.
    public init(
        imageFamily: String, regionId: String? = nil, ownerAccount: String? = nil, ownerId: Int64? = nil,
        resourceOwnerAccount: String? = nil, resourceOwnerId: Int64? = nil
    ) {
        self.imageFamily = imageFamily
        self.regionId = regionId
        self.ownerAccount = ownerAccount
        self.ownerId = ownerId
        self.resourceOwnerAccount = resourceOwnerAccount
        self.resourceOwnerId = resourceOwnerId
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("ImageFamily", imageFamily)
        builder.set("RegionId", regionId)
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
        return builder.parameters
    }
}
