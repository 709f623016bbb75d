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
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request for `imageId`.
    public init(
        imageId: String, regionId: String? = nil, force: Bool? = nil, dryRun: Bool? = nil,
        owner: OwnerParameters = OwnerParameters()
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.force = force
        self.dryRun = dryRun
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("ImageId", imageId)
        builder.set("RegionId", regionId)
        builder.set("Force", force)
        builder.set("DryRun", dryRun)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
