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
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request for `imageFamily`.
    public init(
        imageFamily: String, regionId: String? = nil, owner: OwnerParameters = OwnerParameters()
    ) {
        self.imageFamily = imageFamily
        self.regionId = regionId
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("ImageFamily", imageFamily)
        builder.set("RegionId", regionId)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
