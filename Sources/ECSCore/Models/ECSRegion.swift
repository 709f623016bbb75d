/// A region as DescribeRegions returns it.
public struct ECSRegion: Sendable, Hashable {
    /// `RegionId`, e.g. `cn-hangzhou`.
    public var regionId: String
    /// `LocalName`, e.g. `华东1（杭州）`.
    public var localName: String?
    /// `RegionEndpoint`, e.g. `ecs.cn-hangzhou.aliyuncs.com`.
    public var regionEndpoint: String?
    /// `Status`: `available` or `soldOut`.
    public var status: String?

    /// Creates a region.
    public init(regionId: String, localName: String? = nil, regionEndpoint: String? = nil, status: String? = nil) {
        self.regionId = regionId
        self.localName = localName
        self.regionEndpoint = regionEndpoint
        self.status = status
    }

    /// Decodes a region; nil when it has no ID.
    public init?(json: JSONValue) {
        guard let regionId = json["RegionId"]?.stringValue else { return nil }
        self.regionId = regionId
        localName = json["LocalName"]?.stringValue
        regionEndpoint = json["RegionEndpoint"]?.stringValue
        status = json["Status"]?.stringValue
    }
}
