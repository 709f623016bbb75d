/// DeleteImage: delete a custom image.
public struct DeleteImageRequest: ECSRequest, Equatable {
    /// The answer carries only a request ID.
    public typealias Response = RequestIdResponse
    /// `DeleteImage`.
    public static let action = "DeleteImage"

    /// `ImageId`.
    public var imageId: String
    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `Force`: delete even if instances use it.
    public var force: Bool?
    /// `DryRun`.
    public var dryRun: Bool?
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
        imageId: String, regionId: String? = nil, force: Bool? = nil, dryRun: Bool? = nil,
        ownerAccount: String? = nil, ownerId: Int64? = nil, resourceOwnerAccount: String? = nil,
        resourceOwnerId: Int64? = nil
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.force = force
        self.dryRun = dryRun
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
        builder.set("Force", force)
        builder.set("DryRun", dryRun)
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
        return builder.parameters
    }
}
