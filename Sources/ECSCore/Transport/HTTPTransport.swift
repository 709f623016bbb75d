import Foundation

/// Sends one HTTP request and returns the complete response; the seam that tests replace.
///
/// Implementations throw `ECSClientError` (`.transport`, `.timeout`, `.cancelled`); an HTTP error
/// status is a response, not a thrown error.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, failing with `ECSClientError.timeout` if it takes longer than `timeout` seconds.
    func send(_ request: HTTPRequestData, timeout: TimeInterval) async throws -> HTTPResponseData
    /// Releases connections and threads; the transport must not be used afterwards.
    func shutdown() async
    /// The executor a task that sends through this transport should prefer (nil: the global one).
    var preferredExecutor: (any TaskExecutor)? { get }
}

extension HTTPTransport {
    /// Nothing to release by default (in-process transports).
    public func shutdown() async {}

    /// No preference by default.
    public var preferredExecutor: (any TaskExecutor)? { nil }
}
