/// One pure rule per image parameter: nil when the value is acceptable, else the server's error.
public enum ImageRules {
    /// Accepted `BootMode` values.
    public static let bootModes = ["BIOS", "UEFI", "UEFI-Preferred"]
    /// Accepted `LicenseType` values.
    public static let licenseTypes = ["BYOL"]
    /// Accepted ModifyImageAttribute `Status` values.
    public static let modifyStatuses = ["Deprecated", "Available"]
    /// Accepted `Features.ImdsSupport` values.
    public static let imdsSupportValues = ["v1", "v2"]
    /// Accepted `Features.NvmeSupport` values.
    public static let nvmeSupportValues = ["supported", "unsupported"]
    /// Image statuses a DescribeImages `Status` list may name (besides `ALL`).
    public static let imageStatuses = ["Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated"]
    /// Accepted DescribeImages `ImageOwnerAlias` values.
    public static let imageOwnerAliases = ["system", "self", "others", "marketplace"]
    /// Accepted DescribeImages `OSType` values.
    public static let osTypes = ["windows", "linux"]
    /// Accepted DescribeImages `Architecture` values.
    public static let architectures = ["i386", "x86_64", "arm64"]
    /// Accepted DescribeImages `Usage` values.
    public static let usages = ["instance", "none"]
    /// Accepted DescribeImages `ActionType` values (the operation the images are to serve).
    public static let actionTypes = ["CreateEcs", "ChangeOS"]

    /// `ImageName`: 2–128 characters, starts with a letter or Chinese character, no reserved prefix, no URL.
    public static func imageName(_ value: String) -> ValidationError? {
        guard let rule = nameViolation(value, reservedPrefixAllowed: false) else { return nil }
        return .invalid("InvalidImageName.Malformed", parameter: "ImageName", value: value, rule: rule)
    }

    /// `ImageFamily` when setting it: the same character rules as `ImageName`.
    public static func imageFamily(_ value: String) -> ValidationError? {
        guard let rule = nameViolation(value, reservedPrefixAllowed: false) else { return nil }
        return .invalid("InvalidImageFamily.Malformed", parameter: "ImageFamily", value: value, rule: rule)
    }

    /// `ImageFamily` when querying (DescribeImageFromFamily): name rules, but system families such as
    /// `acs:alibaba_cloud_linux_3_2104_lts_x64` may be named, so the reserved prefixes are allowed.
    public static func imageFamilyQuery(_ value: String) -> ValidationError? {
        guard let rule = nameViolation(value, reservedPrefixAllowed: true) else { return nil }
        return .invalid("InvalidImageFamily.Malformed", parameter: "ImageFamily", value: value, rule: rule)
    }

    /// `Description`: 2–256 characters, must not start with `http://` or `https://` (any case).
    public static func description(_ value: String) -> ValidationError? {
        // Scalars lie between bytes/4 and bytes, so most values need no counting at all.
        let bytes = value.utf8.count
        let count = (bytes >= 8 && bytes <= 256) ? bytes : TextScan.scalarCount(value)
        let rule: String
        if count < 2 || count > 256 {
            rule = "must be 2 to 256 characters long (it has \(count))"
        } else if TextScan.hasPrefixIgnoringCase(value, "http://")
            || TextScan.hasPrefixIgnoringCase(value, "https://")
        {
            rule = "must not start with \"http://\" or \"https://\""
        } else {
            return nil
        }
        return .invalid("InvalidDescription.Malformed", parameter: "Description", value: value, rule: rule)
    }

    /// `BootMode`: `BIOS`, `UEFI` or `UEFI-Preferred`.
    public static func bootMode(_ value: String) -> ValidationError? {
        oneOf(value, bootModes, code: "InvalidBootMode.NotSupport", parameter: "BootMode")
    }

    /// `LicenseType`: only `BYOL`.
    public static func licenseType(_ value: String) -> ValidationError? {
        oneOf(value, licenseTypes, code: "InvalidLicenseType.NotSupported", parameter: "LicenseType")
    }

    /// ModifyImageAttribute `Status`: `Deprecated` or `Available`.
    public static func modifyStatus(_ value: String) -> ValidationError? {
        oneOf(value, modifyStatuses, code: "InvalidParameter", parameter: "Status")
    }

    /// `Features.ImdsSupport`: `v1` or `v2`.
    public static func imdsSupport(_ value: String) -> ValidationError? {
        oneOf(value, imdsSupportValues, code: "InvalidParameter.FeaturesImdsSupport", parameter: "Features.ImdsSupport")
    }

    /// `Features.NvmeSupport`: `supported` or `unsupported`.
    public static func nvmeSupport(_ value: String) -> ValidationError? {
        oneOf(value, nvmeSupportValues, code: "InvalidParameter", parameter: "Features.NvmeSupport")
    }

    /// DescribeImages `Status`: a comma-separated list of image statuses, or `ALL`.
    public static func imageStatusFilter(_ value: String) -> ValidationError? {
        let rule = "must be a comma-separated list of " + imageStatuses.joined(separator: ", ") + ", or ALL"
        if value.isEmpty {
            return .invalid("InvalidParameter", parameter: "Status", value: value, rule: rule)
        }
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            if item == "ALL" { continue }
            if !imageStatuses.contains(where: { item == $0 }) {
                let detail = item.isEmpty ? "an empty item" : "\(ValueDisplay.quoted(String(item))) is not one"
                return .invalid("InvalidParameter", parameter: "Status", value: value, rule: "\(rule); \(detail)")
            }
        }
        return nil
    }

    /// DescribeImages `ImageOwnerAlias`: `system`, `self`, `others` or `marketplace`.
    public static func imageOwnerAlias(_ value: String) -> ValidationError? {
        oneOf(value, imageOwnerAliases, code: "InvalidImageOwnerAlias.ValueNotSupported", parameter: "ImageOwnerAlias")
    }

    /// DescribeImages `OSType`: `windows` or `linux`.
    public static func osType(_ value: String) -> ValidationError? {
        oneOf(value, osTypes, code: "InvalidOSType", parameter: "OSType")
    }

    /// DescribeImages `Architecture`: `i386`, `x86_64` or `arm64`.
    public static func architecture(_ value: String) -> ValidationError? {
        oneOf(value, architectures, code: "InvalidArchitecture", parameter: "Architecture")
    }

    /// DescribeImages `ActionType`: `CreateEcs` or `ChangeOS`.
    public static func actionType(_ value: String) -> ValidationError? {
        oneOf(value, actionTypes, code: "InvalidParameter", parameter: "ActionType")
    }

    /// DescribeImages `Usage`: `instance` or `none`.
    public static func usage(_ value: String) -> ValidationError? {
        oneOf(value, usages, code: "InvalidUsage", parameter: "Usage")
    }

    /// `RegionId` format only (whether the region exists is the server's business): 1–64 characters of
    /// `a-z`, `0-9` and `-`, starting with a letter and not ending with `-`, like `cn-hangzhou`.
    public static func regionId(_ value: String) -> ValidationError? {
        var count = 0
        var last: UInt8 = 0
        var rule: String?
        for b in value.utf8 {
            count += 1
            let ok = (b >= 0x61 && b <= 0x7A) || (count > 1 && ((b >= 0x30 && b <= 0x39) || b == 0x2D))
            if !ok {
                rule = count == 1
                    ? "must start with a lower-case letter"
                    : "may contain only lower-case letters, digits and \"-\""
                break
            }
            last = b
        }
        if rule == nil {
            if count == 0 {
                rule = "must not be empty"
            } else if count > 64 {
                rule = "must be at most 64 characters long"
            } else if last == 0x2D {
                rule = "must not end with \"-\""
            } else {
                return nil
            }
        }
        return .invalid("InvalidRegionId.MalFormed", parameter: "RegionId", value: value, rule: rule!)
    }

    /// `ImageId` format only: present means non-empty, at most 128 characters, no whitespace or control
    /// characters (custom `m-…` and public `ubuntu_…vhd` IDs both pass; existence is the server's business).
    public static func imageId(_ value: String) -> ValidationError? {
        if TextScan.isVisibleASCII(value, maxLength: 128) { return nil }
        var count = 0
        for scalar in value.unicodeScalars {
            count += 1
            let v = scalar.value
            if v <= 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFFFD {
                return .invalid(
                    "InvalidImageId.Malformed", parameter: "ImageId", value: value,
                    rule: "must not contain \(ValueDisplay.describe(scalar))")
            }
        }
        if count == 0 || count > 128 {
            return .invalid(
                "InvalidImageId.Malformed", parameter: "ImageId", value: value,
                rule: "must be 1 to 128 characters long (it has \(count))")
        }
        return nil
    }

    /// The shared name rule of `ImageName` and `ImageFamily`; returns the first broken clause.
    static func nameViolation(_ value: String, reservedPrefixAllowed: Bool) -> String? {
        let scan = value.utf8.withContiguousStorageIfAvailable(TextScan.scanName)
            ?? Array(value.utf8).withUnsafeBufferPointer(TextScan.scanName)
        if scan.count < 2 || scan.count > 128 {
            return "must be 2 to 128 characters long (it has \(scan.count))"
        }
        if !scan.firstOK {
            let first = value.unicodeScalars.first!
            return "must start with an ASCII letter or a Chinese character, not \(ValueDisplay.describe(first))"
        }
        if !reservedPrefixAllowed && scan.startsWithA
            && (TextScan.hasPrefixIgnoringCase(value, "aliyun") || TextScan.hasPrefixIgnoringCase(value, "acs:"))
        {
            return "must not start with \"aliyun\" or \"acs:\" (in any case)"
        }
        guard scan.badIndex > 0 else { return nil }
        // A URL always holds "/", so this clause can only apply when some character is already bad.
        if TextScan.containsIgnoringCase(value, "http://") || TextScan.containsIgnoringCase(value, "https://") {
            return "must not contain \"http://\" or \"https://\""
        }
        let bad = value.unicodeScalars.dropFirst(scan.badIndex - 1).first!
        return "may contain only letters, Chinese characters, digits, \".\", \":\", \"_\" and \"-\"; "
            + "character \(scan.badIndex) is \(ValueDisplay.describe(bad))"
    }

    @inline(__always)
    static func oneOf(_ value: String, _ allowed: [String], code: String, parameter: String) -> ValidationError? {
        for candidate in allowed where candidate == value { return nil }
        return .invalid(
            code, parameter: parameter, value: value,
            rule: "must be one of " + allowed.joined(separator: ", ") + " (case-sensitive)")
    }
}
