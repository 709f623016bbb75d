/// An ECS image as DescribeImages and DescribeImageFromFamily return it; every field optional.
public struct ECSImage: Sendable, Hashable {
    /// `ImageId`.
    public var imageId: String?
    /// `ImageName`.
    public var imageName: String?
    /// `ImageFamily`.
    public var imageFamily: String?
    /// `ImageVersion`.
    public var imageVersion: String?
    /// `Description`.
    public var description: String?
    /// `Status`: `Creating`, `Available`, `Deprecated`, `CreateFailed`, `UnAvailable`, ...
    public var status: String?
    /// `Progress`, e.g. `100%`.
    public var progress: String?
    /// `Size` in GiB; sent as a number or a string.
    public var size: Int64?
    /// `Architecture`: `x86_64`, `i386`, `arm64`.
    public var architecture: String?
    /// `BootMode`.
    public var bootMode: String?
    /// `CreationTime` (UTC, ISO 8601).
    public var creationTime: String?
    /// `ImageOwnerAlias`.
    public var imageOwnerAlias: String?
    /// `ImageOwnerId`.
    public var imageOwnerId: Int64?
    /// `IsCopied`.
    public var isCopied: Bool?
    /// `IsPublic`.
    public var isPublic: Bool?
    /// `IsSelfShared` (a string in the API).
    public var isSelfShared: String?
    /// `IsSubscribed`.
    public var isSubscribed: Bool?
    /// `IsSupportCloudinit`.
    public var isSupportCloudinit: Bool?
    /// `IsSupportIoOptimized`.
    public var isSupportIoOptimized: Bool?
    /// `LicenseType`.
    public var licenseType: String?
    /// `LoginAsNonRootSupported`.
    public var loginAsNonRootSupported: Bool?
    /// `OSName`.
    public var osName: String?
    /// `OSNameEn`.
    public var osNameEn: String?
    /// `OSType`.
    public var osType: String?
    /// `Platform`.
    public var platform: String?
    /// `ProductCode` (marketplace).
    public var productCode: String?
    /// `ResourceGroupId`.
    public var resourceGroupId: String?
    /// `SupplierName`.
    public var supplierName: String?
    /// `Usable`.
    public var usable: Bool?
    /// `Usage`: `instance` or `none`.
    public var usage: String?
    /// `Features`.
    public var features: ImageFeatures?
    /// `SecureBootOptions.SecureBootSupport`.
    public var secureBootSupport: String?
    /// `DiskDeviceMappings.DiskDeviceMapping`.
    public var diskDeviceMappings: [DiskDeviceMapping]
    /// `Tags.Tag`.
    public var tags: [ResourceTag]
    /// `DetectionOptions`.
    public var detectionOptions: DetectionOptions?

    /// An image with only its ID set.
    public init(imageId: String? = nil) {
        self.imageId = imageId
        diskDeviceMappings = []
        tags = []
    }

    /// Decodes an image tolerantly: unknown fields ignored, numbers and booleans accepted as strings.
    public init(json: JSONValue) {
        imageId = json["ImageId"]?.stringValue
        imageName = json["ImageName"]?.stringValue
        imageFamily = json["ImageFamily"]?.stringValue
        imageVersion = json["ImageVersion"]?.stringValue
        description = json["Description"]?.stringValue
        status = json["Status"]?.stringValue
        progress = json["Progress"]?.stringValue
        size = json["Size"]?.intValue
        architecture = json["Architecture"]?.stringValue
        bootMode = json["BootMode"]?.stringValue
        creationTime = json["CreationTime"]?.stringValue
        imageOwnerAlias = json["ImageOwnerAlias"]?.stringValue
        imageOwnerId = json["ImageOwnerId"]?.intValue
        isCopied = json["IsCopied"]?.boolValue
        isPublic = json["IsPublic"]?.boolValue
        isSelfShared = json["IsSelfShared"]?.stringValue
        isSubscribed = json["IsSubscribed"]?.boolValue
        isSupportCloudinit = json["IsSupportCloudinit"]?.boolValue
        isSupportIoOptimized = json["IsSupportIoOptimized"]?.boolValue
        licenseType = json["LicenseType"]?.stringValue
        loginAsNonRootSupported = json["LoginAsNonRootSupported"]?.boolValue
        osName = json["OSName"]?.stringValue
        osNameEn = json["OSNameEn"]?.stringValue
        osType = json["OSType"]?.stringValue
        platform = json["Platform"]?.stringValue
        productCode = json["ProductCode"]?.stringValue
        resourceGroupId = json["ResourceGroupId"]?.stringValue
        supplierName = json["SupplierName"]?.stringValue
        usable = json["Usable"]?.boolValue
        usage = json["Usage"]?.stringValue
        if let features = json["Features"], features.objectValue != nil {
            self.features = ImageFeatures(json: features)
        }
        secureBootSupport = json["SecureBootOptions"]?["SecureBootSupport"]?.stringValue
        diskDeviceMappings = (json["DiskDeviceMappings"]?.list("DiskDeviceMapping") ?? []).map(DiskDeviceMapping.init(json:))
        tags = (json["Tags"]?.list("Tag") ?? []).compactMap(ResourceTag.init(json:))
        if let options = json["DetectionOptions"], options.objectValue != nil {
            detectionOptions = DetectionOptions(json: options)
        }
    }
}
