/// DescribeImages: one page of the images that match every given filter.
public struct DescribeImagesRequest: ECSRequest, Equatable {
    /// The page of images.
    public typealias Response = DescribeImagesResponse
    /// `DescribeImages`.
    public static let action = "DescribeImages"
    /// The largest page the API serves.
    public static let maxPageSize = 100

    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `ImageId`: one ID or several, comma separated.
    public var imageId: String?
    /// `ImageName` (fuzzy match).
    public var imageName: String?
    /// `ImageFamily`.
    public var imageFamily: String?
    /// `ImageOwnerAlias`: `system`, `self`, `others`, `marketplace`.
    public var imageOwnerAlias: String?
    /// `ImageOwnerId`.
    public var imageOwnerId: Int64?
    /// `Status`: comma-separated states (default `Available` on the server), or `ALL`.
    public var status: String?
    /// `SnapshotId`.
    public var snapshotId: String?
    /// `Usage`: `instance` or `none`.
    public var usage: String?
    /// `OSType`: `windows` or `linux`.
    public var osType: String?
    /// `Architecture`: `i386`, `x86_64`, `arm64`.
    public var architecture: String?
    /// `InstanceType` the image must support.
    public var instanceType: String?
    /// `ActionType`: `CreateEcs`, `ChangeOS`.
    public var actionType: String?
    /// `IsPublic`.
    public var isPublic: Bool?
    /// `IsSupportCloudinit`.
    public var isSupportCloudinit: Bool?
    /// `IsSupportIoOptimized`.
    public var isSupportIoOptimized: Bool?
    /// `ShowExpired`.
    public var showExpired: Bool?
    /// `Usable`.
    public var usable: Bool?
    /// `ResourceGroupId`.
    public var resourceGroupId: String?
    /// `Tag.N.Key` / `Tag.N.Value`.
    public var tags: [KeyValueParameter]
    /// `Filter.N.Key` / `Filter.N.Value` (e.g. `CreationStartTime`).
    public var filters: [KeyValueParameter]
    /// `PageNumber`, 1-based.
    public var pageNumber: Int?
    /// `PageSize`, at most 100.
    public var pageSize: Int?
    /// `DryRun`.
    public var dryRun: Bool?
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request; every filter is optional.
    public init(
        regionId: String? = nil, imageId: String? = nil, imageName: String? = nil, imageFamily: String? = nil,
        imageOwnerAlias: String? = nil, imageOwnerId: Int64? = nil, status: String? = nil,
        snapshotId: String? = nil, usage: String? = nil, osType: String? = nil, architecture: String? = nil,
        instanceType: String? = nil, actionType: String? = nil, isPublic: Bool? = nil,
        isSupportCloudinit: Bool? = nil, isSupportIoOptimized: Bool? = nil, showExpired: Bool? = nil,
        usable: Bool? = nil, resourceGroupId: String? = nil, tags: [KeyValueParameter] = [],
        filters: [KeyValueParameter] = [], pageNumber: Int? = nil, pageSize: Int? = nil, dryRun: Bool? = nil,
        owner: OwnerParameters = OwnerParameters()
    ) {
        self.regionId = regionId
        self.imageId = imageId
        self.imageName = imageName
        self.imageFamily = imageFamily
        self.imageOwnerAlias = imageOwnerAlias
        self.imageOwnerId = imageOwnerId
        self.status = status
        self.snapshotId = snapshotId
        self.usage = usage
        self.osType = osType
        self.architecture = architecture
        self.instanceType = instanceType
        self.actionType = actionType
        self.isPublic = isPublic
        self.isSupportCloudinit = isSupportCloudinit
        self.isSupportIoOptimized = isSupportIoOptimized
        self.showExpired = showExpired
        self.usable = usable
        self.resourceGroupId = resourceGroupId
        self.tags = tags
        self.filters = filters
        self.pageNumber = pageNumber
        self.pageSize = pageSize
        self.dryRun = dryRun
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("RegionId", regionId)
        builder.set("ImageId", imageId)
        builder.set("ImageName", imageName)
        builder.set("ImageFamily", imageFamily)
        builder.set("ImageOwnerAlias", imageOwnerAlias)
        builder.set("ImageOwnerId", imageOwnerId)
        builder.set("Status", status)
        builder.set("SnapshotId", snapshotId)
        builder.set("Usage", usage)
        builder.set("OSType", osType)
        builder.set("Architecture", architecture)
        builder.set("InstanceType", instanceType)
        builder.set("ActionType", actionType)
        builder.set("IsPublic", isPublic)
        builder.set("IsSupportCloudinit", isSupportCloudinit)
        builder.set("IsSupportIoOptimized", isSupportIoOptimized)
        builder.set("ShowExpired", showExpired)
        builder.set("Usable", usable)
        builder.set("ResourceGroupId", resourceGroupId)
        builder.setPairs("Tag", tags)
        builder.setPairs("Filter", filters)
        builder.set("PageNumber", pageNumber)
        builder.set("PageSize", pageSize)
        builder.set("DryRun", dryRun)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
