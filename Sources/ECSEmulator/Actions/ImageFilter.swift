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
        return true
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
