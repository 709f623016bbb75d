import Foundation

/// Renders an `ImageRecord` into the field trees of the SDK response models (`api-fields.txt`).
enum ImageRenderer {
    /// The `Images.Image[]` element of DescribeImages.
    static func describeImages(_ image: ImageRecord, for accountId: String) -> JSONNode {
        .object([
            ("ImageId", .string(image.imageId)),
            ("ImageName", .string(image.name)),
            ("ImageFamily", .string(image.family)),
            ("ImageVersion", .string(image.version)),
            ("ImageOwnerAlias", .string(image.ownerAlias(for: accountId))),
            ("ImageOwnerId", .int(Int64(image.ownerId) ?? 0)),
            ("Description", .string(image.description)),
            ("Status", .string(image.status)),
            ("Progress", .string(image.progress)),
            ("Size", .int(Int64(image.sizeGiB))),
            ("CreationTime", .string(WireTime.format(image.creationTime))),
            ("Architecture", .string(image.architecture)),
            ("BootMode", .string(image.bootMode)),
            ("OSType", .string(image.osType)),
            ("OSName", .string(image.osName)),
            ("OSNameEn", .string(image.osNameEn)),
            ("Platform", .string(image.platform)),
            ("Usage", .string(usage(image))),
            ("IsPublic", .bool(image.isPublic || image.isPlatformImage)),
            ("IsCopied", .bool(image.isCopied)),
            ("IsSelfShared", .string(isSelfShared(image, for: accountId))),
            ("IsSubscribed", .bool(false)),
            ("IsSupportCloudinit", .bool(true)),
            ("IsSupportIoOptimized", .bool(true)),
            ("Usable", .bool(image.status == "Available")),
            ("LoginAsNonRootSupported", .bool(image.osType == "linux")),
            ("LicenseType", .string(image.licenseType)),
            ("ProductCode", .string(image.origin == .marketplace ? "cmjj0\(image.imageId.suffix(5))" : "")),
            ("SupplierName", .string(image.origin == .marketplace ? "Marketplace Supplier" : "")),
            ("ResourceGroupId", .string(image.resourceGroupId)),
            ("Features", features(image)),
            ("SecureBootOptions", .object([("SecureBootSupport", .string(image.bootMode == "BIOS" ? "unsupported" : "supported"))])),
            ("DetectionOptions", detection(image)),
            ("DiskDeviceMappings", .object([("DiskDeviceMapping", .array(diskMappings(image, full: true)))])),
            ("Tags", tags(image)),
        ])
    }

    /// The `Image` object of DescribeImageFromFamily.
    static func fromFamily(_ image: ImageRecord, for accountId: String) -> JSONNode {
        .object([
            ("ImageId", .string(image.imageId)),
            ("ImageName", .string(image.name)),
            ("ImageFamily", .string(image.family)),
            ("ImageVersion", .string(image.version)),
            ("ImageOwnerAlias", .string(image.ownerAlias(for: accountId))),
            ("Description", .string(image.description)),
            ("Status", .string(image.status)),
            ("Progress", .string(image.progress)),
            ("Size", .int(Int64(image.sizeGiB))),
            ("CreationTime", .string(WireTime.format(image.creationTime))),
            ("Architecture", .string(image.architecture)),
            ("OSType", .string(image.osType)),
            ("OSName", .string(image.osName)),
            ("Platform", .string(image.platform)),
            ("Usage", .string(usage(image))),
            ("IsCopied", .bool(image.isCopied)),
            ("IsSelfShared", .string(isSelfShared(image, for: accountId))),
            ("IsSubscribed", .bool(false)),
            ("IsSupportCloudinit", .bool(true)),
            ("IsSupportIoOptimized", .bool(true)),
            ("ProductCode", .string("")),
            ("DiskDeviceMappings", .object([("DiskDeviceMapping", .array(diskMappings(image, full: false)))])),
            ("Tags", tags(image)),
        ])
    }

    private static func usage(_ image: ImageRecord) -> String { image.instanceCount > 0 ? "instance" : "none" }

    private static func isSelfShared(_ image: ImageRecord, for accountId: String) -> String {
        image.ownerId == accountId && !image.sharedWith.isEmpty ? "True" : "False"
    }

    private static func features(_ image: ImageRecord) -> JSONNode {
        .object([
            ("NvmeSupport", .string(image.nvmeSupport)),
            ("ImdsSupport", .string(image.imdsSupport)),
            ("CpuOnlineUpgrade", .string("supported")),
            ("CpuOnlineDowngrade", .string("unsupported")),
            ("MemoryOnlineUpgrade", .string("supported")),
            ("MemoryOnlineDowngrade", .string("unsupported")),
        ])
    }

    private static func detection(_ image: ImageRecord) -> JSONNode {
        let finished = image.status != "Creating" && image.status != "Waiting"
        let items: [JSONNode] = finished ? [
            .object([("Name", .string("GuestOSBasicCheck")), ("Value", .string("Passed")), ("RiskLevel", .string("")), ("RiskCode", .string(""))]),
        ] : []
        return .object([("Status", .string(finished ? "Finished" : "Processing")), ("Items", .object([("Item", .array(items))]))])
    }

    private static func diskMappings(_ image: ImageRecord, full: Bool) -> [JSONNode] {
        var fields: [(String, JSONNode)] = [
            ("SnapshotId", .string(image.snapshotId)),
            ("Size", .string(String(image.sizeGiB))),
            ("Device", .string("/dev/xvda")),
            ("Type", .string("system")),
            ("Format", .string("")),
            ("ImportOSSBucket", .string("")),
            ("ImportOSSObject", .string("")),
        ]
        if full {
            fields += [
                ("Progress", .string(image.progress)),
                ("RemainTime", .int(0)),
                ("Encrypted", .bool(false)),
            ]
        }
        return [.object(fields)]
    }

    private static func tags(_ image: ImageRecord) -> JSONNode {
        .object([("Tag", .array(image.tags.map { .object([("TagKey", .string($0.key)), ("TagValue", .string($0.value))]) }))])
    }
}
