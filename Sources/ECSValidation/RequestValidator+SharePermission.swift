extension RequestValidator {
    /// Largest `N` of `AddAccount.N` / `RemoveAccount.N`, so at most this many of each per request.
    public static let maxShareAccountIndex = 10

    /// DescribeImageSharePermission: RegionId and ImageId required, paging.
    public static func validateDescribeImageSharePermission(_ p: [String: String]) -> ValidationError? {
        if let e = requiredRegionId(p["RegionId"]) { return e }
        if let e = requiredImageId(p["ImageId"]) { return e }
        if let e = paging(p) { return e }
        return ownerIds(p)
    }

    /// ModifyImageSharePermission: RegionId and ImageId required, booleans, then `AddAccount.N`
    /// and `RemoveAccount.N` by index (N in 1...10, values are account IDs).
    public static func validateModifyImageSharePermission(_ p: [String: String]) -> ValidationError? {
        if let e = requiredRegionId(p["RegionId"]) { return e }
        if let e = requiredImageId(p["ImageId"]) { return e }
        if let e = booleans(["IsPublic", "DryRun"], in: p) { return e }
        if let e = ownerIds(p) { return e }
        for family in ["AddAccount", "RemoveAccount"] {
            if let e = accounts(family, in: p) { return e }
        }
        return nil
    }

    private static func accounts(_ family: String, in p: [String: String]) -> ValidationError? {
        let prefix = family + "."
        var entries: [(index: Int, name: String, value: String)] = []
        for (name, value) in p where name.hasPrefix(prefix) {
            let n = ParameterRules.listIndex(name.dropFirst(prefix.count))
            entries.append((n.map { $0 <= maxShareAccountIndex ? $0 : Int.max } ?? Int.max, name, value))
        }
        // Bad indices sort last, by name, so the report is deterministic.
        entries.sort { ($0.index, $0.name) < ($1.index, $1.name) }
        for entry in entries {
            if entry.index == Int.max {
                return .invalid(
                    "InvalidParameter", parameter: entry.name, value: entry.value,
                    rule: "N must be an integer between 1 and \(maxShareAccountIndex)")
            }
            if let e = ParameterRules.accountId(entry.value, parameter: entry.name) { return e }
        }
        return nil
    }
}
