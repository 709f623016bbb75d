/// A secret string (access key secret, STS token) that never shows itself in text, dumps, mirrors or encoded output.
public struct Secret: Sendable, Equatable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What every textual or encoded form of a secret shows.
    public static let redacted = "<redacted>"

    private let value: String

    /// Wraps a secret value.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself; call only where the value must leave (signing), never for display.
    public func reveal() -> String {
        value
    }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool {
        value.isEmpty
    }

    /// Always `<redacted>`.
    public var description: String {
        Self.redacted
    }

    /// Always `<redacted>`.
    public var debugDescription: String {
        Self.redacted
    }

    /// A mirror with no children, so `dump` and reflection show nothing of the value.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }

    /// Decodes the secret from a plain string (configuration files carry the real value).
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes `<redacted>`, never the value: encoded output is for display and logs.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.redacted)
    }
}
