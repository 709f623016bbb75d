/// The answer of DescribeImageFromFamily: the family's latest available image.
public struct DescribeImageFromFamilyResponse: ECSResponse, Equatable {
    /// `RequestId`.
    public var requestId: String?
    /// `Image`; nil when the family has no available image.
    public var image: ECSImage?

    /// Creates an answer.
    public init(requestId: String? = nil, image: ECSImage? = nil) {
        self.requestId = requestId
        self.image = image
    }

    /// Decodes `{"RequestId": ..., "Image": {...}}`; an empty `Image` object counts as none.
    public init(json: JSONValue) throws {
        try Self.requireObject(json)
        requestId = json["RequestId"]?.stringValue
        if let image = json["Image"], let members = image.objectValue, !members.isEmpty {
            self.image = ECSImage(json: image)
        }
    }
}
