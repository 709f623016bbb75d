/// One `Key`/`Value` pair of a repeated request parameter (`Tag.N`, `Filter.N`).
public struct KeyValueParameter: Sendable, Hashable {
    /// The key (`Tag.N.Key`).
    public var key: String
    /// The value (`Tag.N.Value`); nil sends the key alone.
    public var value: String?

    /// Creates a pair.
    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }
}
