/// ModifyImageSharePermission: share a custom image with accounts (or publish it), or stop sharing.
public struct ModifyImageSharePermissionRequest: ECSRequest, Equatable {
    /// The answer carries only a request ID.
    public typealias Response = RequestIdResponse
    /// `ModifyImageSharePermission`.
    public static let action = "ModifyImageSharePermission"

    /// `ImageId`.
    public var imageId: String
    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `AddAccount.N` (at most 10).
    public var addAccounts: [String]
    /// `RemoveAccount.N` (at most 10).
    public var removeAccounts: [String]
    /// `IsPublic`.
    public var isPublic: Bool?
    /// `LaunchPermission`.
    public var launchPermission: String?
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
        imageId: String, regionId: String? = nil, addAccounts: [String] = [], removeAccounts: [String] = [],
        isPublic: Bool? = nil, launchPermission: String? = nil, dryRun: Bool? = nil, ownerAccount: String? = nil,
        ownerId: Int64? = nil, resourceOwnerAccount: String? = nil, resourceOwnerId: Int64? = nil
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.addAccounts = addAccounts
        self.removeAccounts = removeAccounts
        self.isPublic = isPublic
        self.launchPermission = launchPermission
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
        builder.setList("AddAccount", addAccounts)
        builder.setList("RemoveAccount", removeAccounts)
        builder.set("IsPublic", isPublic)
        builder.set("LaunchPermission", launchPermission)
        builder.set("DryRun", dryRun)
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
        return builder.parameters
    }
}
