extension RequestValidator {
    /// ModifyImageAttribute: RegionId and ImageId required, then each attribute's rule in table order.
    public static func validateModifyImageAttribute(_ parameters: [String: String]) -> ValidationError? {
        // One pass over the parameters instead of a dozen hashed lookups: this is the hot path.
        var regionId: String?, imageId: String?, imageName: String?, description: String?
        var imageFamily: String?, status: String?, bootMode: String?, licenseType: String?
        var imds: String?, nvme: String?, dryRun: String?, ownerId: String?, resourceOwnerId: String?
        for (key, value) in parameters {
            // Bucketing by UTF-8 length (O(1) for native strings) leaves at most three compares per key.
            switch key.utf8.count {
            case 6:
                if key == "Status" { status = value } else if key == "DryRun" { dryRun = value }
            case 7:
                if key == "ImageId" { imageId = value } else if key == "OwnerId" { ownerId = value }
            case 8:
                if key == "RegionId" { regionId = value } else if key == "BootMode" { bootMode = value }
            case 9:
                if key == "ImageName" { imageName = value }
            case 11:
                if key == "Description" {
                    description = value
                } else if key == "ImageFamily" {
                    imageFamily = value
                } else if key == "LicenseType" {
                    licenseType = value
                }
            case 15:
                if key == "ResourceOwnerId" { resourceOwnerId = value }
            case 20:
                if key == "Features.ImdsSupport" { imds = value } else if key == "Features.NvmeSupport" { nvme = value }
            default:
                break
            }
        }
        if let e = requiredRegionId(regionId) { return e }
        if let e = requiredImageId(imageId) { return e }
        if let v = imageName, let e = ImageRules.imageName(v) { return e }
        if let v = description, let e = ImageRules.description(v) { return e }
        if let v = imageFamily, let e = ImageRules.imageFamily(v) { return e }
        if let v = status, let e = ImageRules.modifyStatus(v) { return e }
        if let v = bootMode, let e = ImageRules.bootMode(v) { return e }
        if let v = licenseType, let e = ImageRules.licenseType(v) { return e }
        if let v = imds, let e = ImageRules.imdsSupport(v) { return e }
        if let v = nvme, let e = ImageRules.nvmeSupport(v) { return e }
        if let v = dryRun, let e = ParameterRules.boolean(v, parameter: "DryRun") { return e }
        if let v = ownerId, let e = ParameterRules.integer(v, parameter: "OwnerId", in: 0...Int.max) { return e }
        if let v = resourceOwnerId,
            let e = ParameterRules.integer(v, parameter: "ResourceOwnerId", in: 0...Int.max)
        {
            return e
        }
        return nil
    }
}
