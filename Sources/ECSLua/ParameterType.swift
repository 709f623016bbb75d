/// The type of one API parameter as the SDK model declares it (`api-fields.txt`).
public indirect enum ParameterType: Equatable, Sendable {
    /// `str`.
    case string
    /// `int`.
    case integer
    /// `bool`.
    case boolean
    /// A nested object such as `Features`, flattened as `Features.ImdsSupport`.
    case structure([ParameterField])
    /// `List[...]`, flattened as `Name.1`, `Name.2`, ...
    case list(ParameterType)

    /// The display name with `a` or `an`: `an integer`, `a string`.
    public var withArticle: String {
        let name = displayName
        return (["a", "e", "i", "o", "u"].contains(name.prefix(1)) ? "an " : "a ") + name
    }

    /// How help and error messages name the type: `string`, `array of strings`, `table {Key, Value}`.
    public var displayName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .structure(let fields): return "table {" + fields.map(\.name).joined(separator: ", ") + "}"
        case .list(let element):
            switch element {
            case .string: return "array of strings"
            case .integer: return "array of integers"
            case .boolean: return "array of booleans"
            case .structure, .list: return "array of " + element.displayName
            }
        }
    }
}

/// One parameter of an action: its wire name, type, whether it is required, and its rule.
public struct ParameterField: Equatable, Sendable {
    /// The API's PascalCase name (`ImageId`).
    public let name: String
    /// The model's type.
    public let type: ParameterType
    /// Whether the server rejects a request without it (`MissingParameter`).
    public let required: Bool
    /// The rule in one line, for help texts.
    public let rule: String

    /// Creates a field.
    public init(_ name: String, _ type: ParameterType, required: Bool = false, rule: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.rule = rule
    }
}
