extension RequestValidator {
    /// Largest `N` of `Tag.N.Key` / `Tag.N.Value` in DescribeImages.
    public static let maxTagIndex = 20

    /// The `Filter.N.Key` values DescribeImages understands.
    public static let filterKeys = ["CreationStartTime", "CreationEndTime"]

    /// DescribeImages: RegionId required; enums, paging, booleans, then `Tag.N.*`, then `Filter.N.*`.
    public static func validateDescribeImages(_ p: [String: String]) -> ValidationError? {
        if let e = requiredRegionId(p["RegionId"]) { return e }
        if let v = p["Status"], let e = ImageRules.imageStatusFilter(v) { return e }
        if let v = p["ImageOwnerAlias"], let e = ImageRules.imageOwnerAlias(v) { return e }
        if let v = p["OSType"], let e = ImageRules.osType(v) { return e }
        if let v = p["Architecture"], let e = ImageRules.architecture(v) { return e }
        if let v = p["Usage"], let e = ImageRules.usage(v) { return e }
        if let v = p["ActionType"], let e = ImageRules.actionType(v) { return e }
        if let e = paging(p) { return e }
        if let v = p["ImageOwnerId"], let e = ParameterRules.integer(v, parameter: "ImageOwnerId", in: 0...Int.max) {
            return e
        }
        if let e = ownerIds(p) { return e }
        let flags = ["DryRun", "IsPublic", "IsSupportCloudinit", "IsSupportIoOptimized", "ShowExpired", "Usable"]
        if let e = booleans(flags, in: p) { return e }
        let lists: IndexedPairs
        switch IndexedPairs.collect(p, prefixes: ["Tag.", "Filter."]) {
        case .failure(let e): return e
        case .success(let collected): lists = collected
        }
        for (index, pair) in lists.sorted("Tag.") {
            if let e = tag(index: index, key: pair.key, value: pair.value) { return e }
        }
        for (index, pair) in lists.sorted("Filter.") {
            if let e = filter(index: index, key: pair.key, value: pair.value) { return e }
        }
        return nil
    }

    private static func tag(index: Int, key: String?, value: String?) -> ValidationError? {
        let keyName = "Tag.\(index).Key"
        let valueName = "Tag.\(index).Value"
        if index > maxTagIndex {
            return .invalid(
                "InvalidTagCount", parameter: key != nil ? keyName : valueName, value: key ?? value ?? "",
                rule: "N must be between 1 and \(maxTagIndex)")
        }
        guard let key else {
            return .invalid(
                "InvalidTag.Mismatch", parameter: valueName, value: value ?? "",
                rule: "needs \(keyName) as well")
        }
        let keyLength = TextScan.scalarCount(key)
        if keyLength == 0 || keyLength > 128 {
            return .invalid(
                "InvalidTagKey.Malformed", parameter: keyName, value: key,
                rule: "must be 1 to 128 characters long (it has \(keyLength))")
        }
        if let value, TextScan.scalarCount(value) > 128 {
            return .invalid(
                "InvalidTagValue.Malformed", parameter: valueName, value: value,
                rule: "must be at most 128 characters long (it has \(TextScan.scalarCount(value)))")
        }
        return nil
    }

    private static func filter(index: Int, key: String?, value: String?) -> ValidationError? {
        let keyName = "Filter.\(index).Key"
        let valueName = "Filter.\(index).Value"
        let keys = filterKeys.joined(separator: ", ")
        guard let key else {
            return .invalid(
                "InvalidFilterKey.NotFound", parameter: keyName, value: "",
                rule: "is required when \(valueName) is given; it must be one of \(keys)")
        }
        if !filterKeys.contains(key) {
            return .invalid("InvalidFilterKey.NotFound", parameter: keyName, value: key, rule: "must be one of \(keys)")
        }
        guard let value, ParameterRules.isFilterTime(value) else {
            return .invalid(
                "InvalidFilterValue", parameter: valueName, value: value ?? "",
                rule: "must be a UTC time in the form yyyy-MM-ddTHH:mmZ, e.g. 2017-12-05T22:40Z")
        }
        return nil
    }
}
