import Foundation

/// One image as the emulator stores it: identity, ownership, attributes, shares and usage.
public struct ImageRecord: Codable, Sendable, Equatable {
    /// Who published an image, which decides its `ImageOwnerAlias`.
    public enum Origin: String, Codable, Sendable {
        /// A custom image of an account.
        case custom
        /// A public image published by Alibaba Cloud.
        case system
        /// An image from the marketplace.
        case marketplace
    }

    /// One tag of an image.
    public struct Tag: Codable, Sendable, Equatable {
        /// The tag key.
        public var key: String
        /// The tag value.
        public var value: String
        /// Creates a tag.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The image id, e.g. `m-bp1...`.
    public var imageId: String
    /// The region the image lives in.
    public var regionId: String
    /// The owning account id.
    public var ownerId: String
    /// Custom, system or marketplace.
    public var origin: Origin
    /// The image name.
    public var name: String
    /// The description.
    public var description: String
    /// The image family, empty when none.
    public var family: String
    /// The image version label.
    public var version: String
    /// Available, Creating, Deprecated, UnAvailable, CreateFailed, Waiting.
    public var status: String
    /// Creation progress, e.g. `100%`.
    public var progress: String
    /// Size in GiB.
    public var sizeGiB: Int
    /// When the image was created.
    public var creationTime: Date
    /// x86_64, i386 or arm64.
    public var architecture: String
    /// BIOS, UEFI or UEFI-Preferred.
    public var bootMode: String
    /// linux or windows.
    public var osType: String
    /// The OS name in Chinese.
    public var osName: String
    /// The OS name in English.
    public var osNameEn: String
    /// The platform, e.g. `CentOS`.
    public var platform: String
    /// The license type, e.g. `Auto` or `BYOL`.
    public var licenseType: String
    /// Whether the image is public.
    public var isPublic: Bool
    /// Accounts the image is shared to, with the share time.
    public var sharedWith: [String: Date]
    /// How many instances run from the image.
    public var instanceCount: Int
    /// `v1` or `v2`.
    public var imdsSupport: String
    /// `supported` or `unsupported`.
    public var nvmeSupport: String
    /// The tags.
    public var tags: [Tag]
    /// The system disk snapshot id.
    public var snapshotId: String
    /// Whether the image is a copy.
    public var isCopied: Bool
    /// The resource group id.
    public var resourceGroupId: String

    /// Creates an image record; defaults describe a plain available x86_64 Linux custom image.
    public init(
        imageId: String, regionId: String, ownerId: String, origin: Origin = .custom, name: String,
        description: String = "", family: String = "", version: String = "1", status: String = "Available",
        progress: String = "100%", sizeGiB: Int = 40, creationTime: Date, architecture: String = "x86_64",
        bootMode: String = "UEFI", osType: String = "linux", osName: String = "Alibaba Cloud Linux 3.2104 LTS 64位",
        osNameEn: String = "Alibaba Cloud Linux 3.2104 LTS 64 bit", platform: String = "Aliyun",
        licenseType: String = "Auto", isPublic: Bool = false, sharedWith: [String: Date] = [:], instanceCount: Int = 0,
        imdsSupport: String = "v1", nvmeSupport: String = "supported", tags: [Tag] = [], snapshotId: String = "",
        isCopied: Bool = false, resourceGroupId: String = ""
    ) {
        self.imageId = imageId
        self.regionId = regionId
        self.ownerId = ownerId
        self.origin = origin
        self.name = name
        self.description = description
        self.family = family
        self.version = version
        self.status = status
        self.progress = progress
        self.sizeGiB = sizeGiB
        self.creationTime = creationTime
        self.architecture = architecture
        self.bootMode = bootMode
        self.osType = osType
        self.osName = osName
        self.osNameEn = osNameEn
        self.platform = platform
        self.licenseType = licenseType
        self.isPublic = isPublic
        self.sharedWith = sharedWith
        self.instanceCount = instanceCount
        self.imdsSupport = imdsSupport
        self.nvmeSupport = nvmeSupport
        self.tags = tags
        self.snapshotId = snapshotId
        self.isCopied = isCopied
        self.resourceGroupId = resourceGroupId
    }

    /// The key a store files the image under: region and id.
    public var storeKey: String { ImageRecord.storeKey(id: imageId, regionId: regionId) }

    /// The store key of an id in a region.
    public static func storeKey(id: String, regionId: String) -> String { regionId + "/" + id }

    /// True for an image published by the platform rather than an account.
    public var isPlatformImage: Bool { origin != .custom }

    /// Whether an account may see the image: its own, shared to it, or public.
    public func isVisible(to accountId: String) -> Bool {
        if origin != .custom || isPublic { return true }
        return ownerId == accountId || sharedWith[accountId] != nil
    }

    /// The `ImageOwnerAlias` of the image as seen by an account.
    public func ownerAlias(for accountId: String) -> String {
        switch origin {
        case .system: return "system"
        case .marketplace: return "marketplace"
        case .custom: return ownerId == accountId ? "self" : "others"
        }
    }
}
