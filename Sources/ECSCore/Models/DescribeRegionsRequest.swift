/// DescribeRegions: the regions the account can use.
public struct DescribeRegionsRequest: ECSRequest, Equatable {
    /// The region list.
    public typealias Response = DescribeRegionsResponse
    /// `DescribeRegions`.
    public static let action = "DescribeRegions"

    /// `AcceptLanguage`: `zh-CN`, `en-US`, `ja`.
    public var acceptLanguage: String?
    /// `InstanceChargeType`.
    public var instanceChargeType: String?
    /// `ResourceType`.
    public var resourceType: String?
    /// `OwnerAccount`.
    public var ownerAccount: String?
    /// `OwnerId`.
    public var ownerId: Int64?
    /// `ResourceOwnerAccount`.
    public var resourceOwnerAccount: String?
    /// `ResourceOwnerId`.
    public var resourceOwnerId: Int64?

    /// Creates a request; every field is optional.
    public init(
        acceptLanguage: String? = nil, instanceChargeType: String? = nil, resourceType: String? = nil,
        ownerAccount: String? = nil, ownerId: Int64? = nil, resourceOwnerAccount: String? = nil,
        resourceOwnerId: Int64? = nil
    ) {
        self.acceptLanguage = acceptLanguage
        self.instanceChargeType = instanceChargeType
        self.resourceType = resourceType
        self.ownerAccount = ownerAccount
        self.ownerId = ownerId
        self.resourceOwnerAccount = resourceOwnerAccount
        self.resourceOwnerId = resourceOwnerId
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("AcceptLanguage", acceptLanguage)
        builder.set("InstanceChargeType", instanceChargeType)
        builder.set("ResourceType", resourceType)
        builder.set("OwnerAccount", ownerAccount)
        builder.set("OwnerId", ownerId)
        builder.set("ResourceOwnerAccount", resourceOwnerAccount)
        builder.set("ResourceOwnerId", resourceOwnerId)
        return builder.parameters
    }
}
