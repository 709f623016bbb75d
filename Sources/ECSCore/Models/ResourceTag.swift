/// A tag on a resource as responses carry it (`Tags.Tag`: `TagKey`, `TagValue`).
public struct ResourceTag: Sendable, Hashable {
    /// `TagKey`.
    public var key: String
    /// `TagValue`.
    public var value: String?

    /// Creates a tag.
    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }

    /// Decodes a tag; nil when it has no key.
    public init?(json: JSONValue) {
        guard let key = json["TagKey"]?.stringValue ?? json["Key"]?.stringValue else { return nil }
        self.key = key
        self.value = json["TagValue"]?.stringValue ?? json["Value"]?.stringValue
    }
}
