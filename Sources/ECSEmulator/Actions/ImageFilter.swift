import Foundation

/// The DescribeImages filters, parsed once and applied to each image.
struct ImageFilter {
    let accountId: String
    var ids: Set<String>?
    var nameQuery: String?
    var statuses: Set<String>?
    var ownerAlias: String?
    var family: String?
    var osType: String?
    var architecture: String?
    var isPublic: Bool?
    var usage: String?
    var tags: [(key: String, value: String?)] = []
    var createdAfter: Date?
    var createdBefore: Date?
    var snapshotId: String?
    var ownerId: String?
    var resourceGroupId: String?
    var supportsCloudinit: Bool?
    var supportsIoOptimized: Bool?
    var usable: Bool?
    /// The architecture an `InstanceType` filter asks for (the images that instance type can run).
    var instanceArchitecture: String?

    /// Parses the filters; a malformed value fails with the code ECS gives.
    init(_ parameters: RequestParameters, accountId: String) throws {
        self.accountId = accountId
        if let text = parameters["ImageId"], !text.isEmpty {
            ids = Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        nameQuery = parameters["ImageName"].flatMap { $0.isEmpty ? nil : $0 }
        let status = parameters["Status"] ?? "Available"
        if status.caseInsensitiveCompare("ALL") != .orderedSame {
            statuses = Set(status.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        ownerAlias = parameters["ImageOwnerAlias"]
        family = parameters["ImageFamily"]
        osType = parameters["OSType"]?.lowercased()
        architecture = parameters["Architecture"]
        isPublic = try parameters.bool("IsPublic")
        usage = parameters["Usage"]
        tags = parameters.pairs("Tag")
        snapshotId = parameters["SnapshotId"].flatMap { $0.isEmpty ? nil : $0 }
        ownerId = parameters["ImageOwnerId"].flatMap { $0.isEmpty ? nil : $0 }
        resourceGroupId = parameters["ResourceGroupId"].flatMap { $0.isEmpty ? nil : $0 }
        supportsCloudinit = try parameters.bool("IsSupportCloudinit")
        supportsIoOptimized = try parameters.bool("IsSupportIoOptimized")
        usable = try parameters.bool("Usable")
        if let type = parameters["InstanceType"], !type.isEmpty {
            guard let architecture = ImageFilter.architecture(ofInstanceType: type) else {
                throw EmulatorError.invalid("InstanceType", type)
            }
            instanceArchitecture = architecture
        }
        // ActionType (CreateEcs, ChangeOS) and ShowExpired select nothing here: every emulated image serves
        // both actions, and none is an expired subscription.
        for pair in parameters.pairs("Filter") {
            guard let value = pair.value, !value.isEmpty else { continue }
            guard let date = WireTime.parse(value) else { throw EmulatorError.invalid("Filter.N.Value", value) }
            switch pair.key {
            case "CreationStartTime": createdAfter = date
            case "CreationEndTime": createdBefore = date
            default: throw EmulatorError.invalid("Filter.N.Key", pair.key)
            }
        }
    }

    /// Whether an image passes every filter.
    func matches(_ image: ImageRecord) -> Bool {
        if let ids, !ids.contains(image.imageId) { return false }
        if let nameQuery, !ImageFilter.fuzzy(nameQuery, image.name) { return false }
        if let statuses, !statuses.contains(image.status) { return false }
        if let ownerAlias, !ownerAlias.isEmpty, image.ownerAlias(for: accountId) != ownerAlias { return false }
        if let family, !family.isEmpty, image.family != family { return false }
        if let osType, !osType.isEmpty, image.osType != osType { return false }
        if let architecture, !architecture.isEmpty, image.architecture != architecture { return false }
        if let isPublic, (image.isPublic || image.isPlatformImage) != isPublic { return false }
        if let usage, !usage.isEmpty, (image.instanceCount > 0 ? "instance" : "none") != usage { return false }
        for tag in tags where !image.tags.contains(where: { $0.key == tag.key && (tag.value == nil || $0.value == tag.value) }) {
            return false
        }
        if let createdAfter, image.creationTime < createdAfter { return false }
        if let createdBefore, image.creationTime > createdBefore { return false }
        if let snapshotId, image.snapshotId != snapshotId { return false }
        if let ownerId, image.ownerId != ownerId { return false }
        if let resourceGroupId, image.resourceGroupId != resourceGroupId { return false }
        // Every emulated image supports cloud-init and I/O optimization (ImageRenderer says so too).
        if supportsCloudinit == false || supportsIoOptimized == false { return false }
        if let usable, (image.status == "Available") != usable { return false }
        if let instanceArchitecture, image.architecture != instanceArchitecture { return false }
        return true
    }

    /// The architecture of an instance type `ecs.FAMILY.SIZE`: arm64 for the ARM families (their name ends
    /// in `r` or `y` after the generation digit: g6r, c8y, r8y, ...), x86_64 for the others; nil when malformed.
    static func architecture(ofInstanceType type: String) -> String? {
        let parts = type.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ecs", !parts[2].isEmpty else { return nil }
        let family = parts[1]
        guard family.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
            let digit = family.lastIndex(where: \.isNumber)
        else { return nil }
        let suffix = family[family.index(after: digit)...]
        return suffix == "r" || suffix == "y" ? "arm64" : "x86_64"
    }

    /// Fuzzy name match: case-insensitive substring, `*` standing for any run of characters.
    static func fuzzy(_ query: String, _ name: String) -> Bool {
        let pieces = query.lowercased().split(separator: "*").map(String.init)
        var rest = Substring(name.lowercased())
        for piece in pieces {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
