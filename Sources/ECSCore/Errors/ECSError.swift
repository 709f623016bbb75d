/// An error raised by the ECS client that knows whether repeating the request may succeed.
public protocol ECSError: Error, Sendable, CustomStringConvertible {
    /// True when the same request may succeed if sent again (throttling, 5xx, transport failures).
    var retryable: Bool { get }
    /// The error code: the service's (`InvalidImageName.Malformed`) or the client's (`Client.Timeout`).
    var code: String { get }
    /// The human-readable message, without the code.
    var message: String { get }
}
