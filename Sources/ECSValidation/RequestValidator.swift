/// Validates the flattened wire parameters of an image action before it is signed or served.
///
/// The client and the emulator both call it, so the same input gets the same code on either side.
/// Checks run in a fixed order (required parameters first, then the documented table order, then
/// indexed lists by index), so the first error reported never depends on dictionary order.
/// Parameters a rule does not know are ignored, as the server ignores them.
public enum RequestValidator {
    /// The actions this validator knows; `validate` returns nil for any other.
    public static let actions = [
        "ModifyImageAttribute", "DescribeImages", "DescribeImageFromFamily",
        "DescribeImageSharePermission", "ModifyImageSharePermission", "DescribeRegions", "DeleteImage",
    ]

    /// The first rule `parameters` break for `action`, or nil when they pass (or the action is unknown).
    public static func validate(action: String, parameters: [String: String]) -> ValidationError? {
        switch action {
        case "ModifyImageAttribute": return validateModifyImageAttribute(parameters)
        case "DescribeImages": return validateDescribeImages(parameters)
        case "DescribeImageFromFamily": return validateDescribeImageFromFamily(parameters)
        case "DescribeImageSharePermission": return validateDescribeImageSharePermission(parameters)
        case "ModifyImageSharePermission": return validateModifyImageSharePermission(parameters)
        case "DescribeRegions": return validateDescribeRegions(parameters)
        case "DeleteImage": return validateDeleteImage(parameters)
        default: return nil
        }
    }

    /// A required `RegionId`: absent → `MissingParameter`, present → its format rule.
    @inline(__always)
    static func requiredRegionId(_ value: String?) -> ValidationError? {
        guard let value else { return .missing("RegionId") }
        return ImageRules.regionId(value)
    }

    /// A required `ImageId`: absent → `MissingParameter`, present → its format rule.
    @inline(__always)
    static func requiredImageId(_ value: String?) -> ValidationError? {
        guard let value else { return .missing("ImageId") }
        return ImageRules.imageId(value)
    }

    /// `OwnerId` and `ResourceOwnerId`, which every action's model carries as non-negative integers.
    static func ownerIds(_ p: [String: String]) -> ValidationError? {
        for name in ["OwnerId", "ResourceOwnerId"] {
            if let v = p[name], let e = ParameterRules.integer(v, parameter: name, in: 0...Int.max) { return e }
        }
        return nil
    }

    /// Optional booleans, checked in the order given.
    static func booleans(_ names: [String], in p: [String: String]) -> ValidationError? {
        for name in names {
            if let v = p[name], let e = ParameterRules.boolean(v, parameter: name) { return e }
        }
        return nil
    }

    /// `PageNumber` (1 to 2^31 − 1: an Integer of the API's model, as the server checks it) then `PageSize`
    /// (1–100), both optional.
    static func paging(_ p: [String: String]) -> ValidationError? {
        if let v = p["PageNumber"], let e = ParameterRules.integer(v, parameter: "PageNumber", in: 1...Int(Int32.max)) {
            return e
        }
        if let v = p["PageSize"], let e = ParameterRules.integer(v, parameter: "PageSize", in: 1...100) {
            return e
        }
        return nil
    }
}
