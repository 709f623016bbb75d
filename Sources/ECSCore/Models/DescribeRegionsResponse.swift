/// The answer of DescribeRegions.
public struct DescribeRegionsResponse: ECSResponse, Equatable {
    /// `RequestId`.
    public var requestId: String?
    /// `Regions.Region`, flattened.
    public var regions: [ECSRegion]

    /// Creates an answer.
    public init(requestId: String? = nil, regions: [ECSRegion] = []) {
        self.requestId = requestId
        self.regions = regions
    }

    /// Decodes the answer tolerantly.
    public init(json: JSONValue) throws {
        try Self.requireObject(json)
        requestId = json["RequestId"]?.stringValue
        regions = (json["Regions"]?.list("Region") ?? []).compactMap(ECSRegion.init(json:))
    }
}
