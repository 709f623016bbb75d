extension RequestValidator {
    /// Accepted DescribeRegions `AcceptLanguage` values.
    public static let acceptLanguages = ["zh-CN", "en-US", "ja"]
    /// Accepted DescribeRegions `InstanceChargeType` values.
    public static let instanceChargeTypes = ["PrePaid", "PostPaid"]
    /// Accepted DescribeRegions `ResourceType` values.
    public static let regionResourceTypes = ["instance", "disk", "reservedinstance", "scu"]

    /// DescribeImageFromFamily: RegionId and ImageFamily required; system families (`acs:…`) allowed.
    public static func validateDescribeImageFromFamily(_ p: [String: String]) -> ValidationError? {
        if let e = requiredRegionId(p["RegionId"]) { return e }
        guard let family = p["ImageFamily"] else { return .missing("ImageFamily") }
        if let e = ImageRules.imageFamilyQuery(family) { return e }
        return ownerIds(p)
    }

    /// DescribeRegions: nothing required; a given RegionId must be well formed; enums checked.
    public static func validateDescribeRegions(_ p: [String: String]) -> ValidationError? {
        if let v = p["RegionId"], let e = ImageRules.regionId(v) { return e }
        if let v = p["AcceptLanguage"],
            let e = ImageRules.oneOf(v, acceptLanguages, code: "InvalidParameter", parameter: "AcceptLanguage")
        {
            return e
        }
        if let v = p["InstanceChargeType"],
            let e = ImageRules.oneOf(v, instanceChargeTypes, code: "InvalidParameter", parameter: "InstanceChargeType")
        {
            return e
        }
        if let v = p["ResourceType"],
            let e = ImageRules.oneOf(v, regionResourceTypes, code: "InvalidParameter", parameter: "ResourceType")
        {
            return e
        }
        return ownerIds(p)
    }

    /// DeleteImage: RegionId and ImageId required; `Force` and `DryRun` booleans.
    public static func validateDeleteImage(_ p: [String: String]) -> ValidationError? {
        if let e = requiredRegionId(p["RegionId"]) { return e }
        if let e = requiredImageId(p["ImageId"]) { return e }
        if let e = booleans(["Force", "DryRun"], in: p) { return e }
        return ownerIds(p)
    }
}
