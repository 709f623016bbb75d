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
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request for `imageId`.
    public init(
        imageId: String, regionId: String? = nil, addAccounts: [String] = [], removeAccounts: [String] = [],
        isPublic: Bool? = nil, launchPermission: String? = nil, dryRun: Bool? = nil, owner: OwnerParameters = OwnerParameters()
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.addAccounts = addAccounts
        self.removeAccounts = removeAccounts
        self.isPublic = isPublic
        self.launchPermission = launchPermission
        self.dryRun = dryRun
        self.owner = owner
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
        owner.apply(to: &builder)
        return builder.parameters
    }
}
