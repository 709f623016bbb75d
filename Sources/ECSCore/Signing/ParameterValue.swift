/// A structured API parameter value before flattening to the wire (`Features = { ImdsSupport = "v2" }`, `Tag = {...}`).
public indirect enum ParameterValue: Sendable, Equatable {
    /// A string, sent as is.
    case string(String)
    /// An integer, sent in decimal.
    case int(Int64)
    /// A floating-point number; integral values are sent without a fraction.
    case double(Double)
    /// A boolean, sent as `true`/`false`.
    case bool(Bool)
    /// A list, flattened as `Name.1`, `Name.2`, ... (1-based).
    case list([ParameterValue])
    /// A map, flattened as `Name.Key`.
    case map([String: ParameterValue])
}

extension ParameterValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string literal becomes `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal becomes `.int`.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A float literal becomes `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean literal becomes `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal becomes `.list`.
    public init(arrayLiteral elements: ParameterValue...) { self = .list(elements) }
    /// A dictionary literal becomes `.map` (a repeated key keeps its last value).
    public init(dictionaryLiteral elements: (String, ParameterValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
