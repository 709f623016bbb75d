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
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request; every field is optional.
    public init(
        acceptLanguage: String? = nil, instanceChargeType: String? = nil, resourceType: String? = nil,
        owner: OwnerParameters = OwnerParameters()
    ) {
        self.acceptLanguage = acceptLanguage
        self.instanceChargeType = instanceChargeType
        self.resourceType = resourceType
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("AcceptLanguage", acceptLanguage)
        builder.set("InstanceChargeType", instanceChargeType)
        builder.set("ResourceType", resourceType)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
