/// ModifyImageAttribute: change the name, description, family, boot mode, licence, features or status of a custom image.
public struct ModifyImageAttributeRequest: ECSRequest, Equatable {
    /// The answer carries only a request ID.
    public typealias Response = RequestIdResponse
    /// `ModifyImageAttribute`.
    public static let action = "ModifyImageAttribute"

    /// The `Features.*` group of the request.
    public struct Features: Sendable, Hashable {
        /// `Features.ImdsSupport`: `v1` or `v2`.
        public var imdsSupport: String?
        /// `Features.NvmeSupport`: `supported` or `unsupported`.
        public var nvmeSupport: String?

        /// Creates the group.
        public init(imdsSupport: String? = nil, nvmeSupport: String? = nil) {
            self.imdsSupport = imdsSupport
            self.nvmeSupport = nvmeSupport
        }
    }

    /// `RegionId`; nil means the client's region.
    public var regionId: String?
    /// `ImageId` of the custom image.
    public var imageId: String
    /// `ImageName`: 2–128 characters, starting with a letter or Chinese character.
    public var imageName: String?
    /// `Description`: 2–256 characters.
    public var description: String?
    /// `ImageFamily`.
    public var imageFamily: String?
    /// `Status`: `Deprecated` or `Available`.
    public var status: String?
    /// `BootMode`: `BIOS`, `UEFI` or `UEFI-Preferred`.
    public var bootMode: String?
    /// `LicenseType`: `BYOL`.
    public var licenseType: String?
    /// `Features.ImdsSupport` / `Features.NvmeSupport`.
    public var features: Features?
    /// `DryRun`: check only.
    public var dryRun: Bool?
    /// The owner fields, set only when acting for another account.
    public var owner: OwnerParameters

    /// Creates a request; only `imageId` is required.
    public init(
        imageId: String, regionId: String? = nil, imageName: String? = nil, description: String? = nil,
        imageFamily: String? = nil, status: String? = nil, bootMode: String? = nil, licenseType: String? = nil,
        features: Features? = nil, dryRun: Bool? = nil, owner: OwnerParameters = OwnerParameters()
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.imageName = imageName
        self.description = description
        self.imageFamily = imageFamily
        self.status = status
        self.bootMode = bootMode
        self.licenseType = licenseType
        self.features = features
        self.dryRun = dryRun
        self.owner = owner
    }

    /// The flattened wire parameters.
    public var parameters: [String: String] {
        var builder = ParameterBuilder()
        builder.set("RegionId", regionId)
        builder.set("ImageId", imageId)
        builder.set("ImageName", imageName)
        builder.set("Description", description)
        builder.set("ImageFamily", imageFamily)
        builder.set("Status", status)
        builder.set("BootMode", bootMode)
        builder.set("LicenseType", licenseType)
        builder.set("Features.ImdsSupport", features?.imdsSupport)
        builder.set("Features.NvmeSupport", features?.nvmeSupport)
        builder.set("DryRun", dryRun)
        owner.apply(to: &builder)
        return builder.parameters
    }
}
