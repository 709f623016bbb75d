import Foundation

/// ModifyImageAttribute: every rule of `modify-image-attribute.md`, all changes applied at once or none.
enum ModifyImageAttributeAction {
    static let bootModes: Set<String> = ["BIOS", "UEFI", "UEFI-Preferred"]

    static func run(_ context: ActionContext) throws -> JSONNode {
        let parameters = context.parameters
        let region = try context.region()
        let imageId = try parameters.required("ImageId")
        let current = try context.ownImage(imageId, region: region)
        let changed = try apply(parameters, to: current)
        if changed != current, current.status == "Creating" { throw EmulatorError("InvalidStatus.ImageIsCreating") }
        let others = try context.store.images(inRegion: region).filter {
            $0.origin == .custom && $0.ownerId == context.accountId && $0.regionId == region && $0.imageId != imageId
        }
        if changed.name != current.name, others.contains(where: { $0.name == changed.name }) {
            throw EmulatorError("InvalidImageName.Duplicated")
        }
        if changed.family != current.family, !changed.family.isEmpty {
            try checkFamilyQuota(changed.family, others: others, options: context.options)
        }
        if changed.bootMode != current.bootMode {
            if changed.bootMode == "BIOS", current.architecture == "arm64" { throw EmulatorError("InvalidBootMode.NotSupport") }
            if current.instanceCount > 0 { throw EmulatorError("OperationDeined.ImageUsingByInstance") }
        }
        if current.imdsSupport == "v2", changed.imdsSupport == "v1" {
            throw EmulatorError("InvalidOperation.FeaturesImdsSupportNotMatch")
        }
        if let status = parameters["Status"] { try checkStatus(status, of: current) }
        try context.finishDryRun()
        if changed != current { try context.store.commit(upserts: [changed], deletions: []) }
        return context.acknowledgement
    }

    /// The image with every requested attribute set; value checks the validator also makes are
    /// repeated here so that a bad value can never reach the store.
    private static func apply(_ parameters: RequestParameters, to image: ImageRecord) throws -> ImageRecord {
        var changed = image
        if let name = parameters["ImageName"] { changed.name = name }
        if let description = parameters["Description"] { changed.description = description }
        if let family = parameters["ImageFamily"] { changed.family = family }
        if let mode = parameters["BootMode"] {
            guard bootModes.contains(mode) else { throw EmulatorError("InvalidBootMode.NotSupport") }
            if mode == "BIOS", image.architecture == "arm64" { throw EmulatorError("InvalidBootMode.NotSupport") }
            changed.bootMode = mode
        }
        if let license = parameters["LicenseType"] {
            guard license == "BYOL" else { throw EmulatorError("InvalidLicenseType.NotSupported") }
            changed.licenseType = license
        }
        if let imds = parameters["Features.ImdsSupport"] {
            guard imds == "v1" || imds == "v2" else { throw EmulatorError("InvalidParameter.FeaturesImdsSupport") }
            changed.imdsSupport = imds
        }
        if let nvme = parameters["Features.NvmeSupport"] {
            guard nvme == "supported" || nvme == "unsupported" else { throw EmulatorError.invalid("Features.NvmeSupport", nvme) }
            changed.nvmeSupport = nvme
        }
        if let status = parameters["Status"] {
            guard status == "Deprecated" || status == "Available" else { throw EmulatorError.invalid("Status", status) }
            changed.status = status
        }
        return changed
    }

    private static func checkFamilyQuota(_ family: String, others: [ImageRecord], options: EmulatorOptions) throws {
        let members = others.filter { $0.family == family }.count
        if members == 0 {
            let families = Set(others.map(\.family).filter { !$0.isEmpty })
            if families.count >= options.regionFamilyQuota { throw EmulatorError("ImageFamilyQuotaFull") }
        } else if members >= options.familyQuota {
            throw EmulatorError("ImageQuotaFull.ImageFamily")
        }
    }

    private static func checkStatus(_ status: String, of image: ImageRecord) throws {
        switch status {
        case "Deprecated":
            guard image.status == "Available" else { throw EmulatorError("ImageStatus.NotAvailable") }
            // Public (shared with the group `all`) is shared with other accounts too.
            guard image.sharedWith.isEmpty && !image.isPublic else { throw EmulatorError("ImageUseShared") }
        default:
            guard image.status == "Deprecated" else { throw EmulatorError("ImageStatus.NotDeprecated") }
        }
    }
}
