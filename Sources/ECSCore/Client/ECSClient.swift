import ECSValidation
import Foundation

/// The ECS API client: credentials → rate limiter → signer → transport → parser, with retries.
///
/// One client may serve many concurrent tasks; they share its connection pool and rate limiter.
public final class ECSClient: Sendable {
    /// The settings this client was made with.
    public let configuration: ClientConfiguration
    /// The rate limiter shared by every call of this client (nil when the rate is `off`).
    public let limiter: TokenBucketLimiter?

    /// Seconds the client's limiter waits before its buckets start refilling, so that network jitter never
    /// trips the server's limiter at the same rate (see `TokenBucketLimiter.init`).
    public static let rateRefillDelay: TimeInterval = 0.05

    let transport: any HTTPTransport
    let now: @Sendable () -> Date
    let makeNonce: @Sendable () -> String
    let plainHTTPWarned = OnceFlag()
    let signingKeys = SigningKeyCache()
    let endpoints = EndpointCache()

    /// Creates a client; a nil `transport` means a new `AsyncHTTPClientTransport` with the configured timeouts.
    public convenience init(configuration: ClientConfiguration, transport: (any HTTPTransport)? = nil) {
        self.init(configuration: configuration, transport: transport, limiter: nil)
    }

    /// Creates a client that shares `limiter` (e.g. with an earlier client of the same session).
    public convenience init(
        configuration: ClientConfiguration, transport: (any HTTPTransport)?, limiter: TokenBucketLimiter?
    ) {
        self.init(
            configuration: configuration, transport: transport, limiter: limiter,
            now: { Date() }, nonce: { UniqueIdentifierSource.shared.next() })
    }

    /// The designated initializer; tests inject the clock and the nonce source here.
    init(
        configuration: ClientConfiguration, transport: (any HTTPTransport)?, limiter: TokenBucketLimiter?,
        now: @escaping @Sendable () -> Date, nonce: @escaping @Sendable () -> String
    ) {
        self.configuration = configuration
        self.transport =
            transport
            ?? AsyncHTTPClientTransport(
                connectTimeout: configuration.connectTimeout, readTimeout: configuration.readTimeout)
        self.limiter = limiter ?? configuration.rate.map { TokenBucketLimiter(rate: $0, refillDelay: Self.rateRefillDelay) }
        self.now = now
        self.makeNonce = nonce
    }

    /// Sends any RPC action with flattened string parameters, unvalidated (the escape hatch).
    ///
    /// Fills `RegionId` from the configuration when absent (an empty string is kept as given).
    public func call(action: String, parameters: [String: String]) async throws -> JSONValue {
        try await perform(action: action, parameters: withRegion(parameters))
    }

    /// Validates with `RequestValidator` (throwing its `ValidationError`), then sends like `call`.
    public func send(action: String, parameters: [String: String]) async throws -> JSONValue {
        try await perform(action: action, parameters: validated(action: action, parameters: parameters))
    }

    /// As `call`, returning the answer's JSON text undecoded (for readers that build their own values).
    public func callReturningBody(action: String, parameters: [String: String]) async throws -> Data {
        try await performReturningBody(action: action, parameters: withRegion(parameters))
    }

    /// As `send`, returning the answer's JSON text undecoded (for readers that build their own values).
    public func sendReturningBody(action: String, parameters: [String: String]) async throws -> Data {
        try await performReturningBody(action: action, parameters: validated(action: action, parameters: parameters))
    }

    /// The parameters with `RegionId` filled, once `RequestValidator` accepts them (else its `ValidationError`).
    private func validated(action: String, parameters: [String: String]) throws -> [String: String] {
        let parameters = withRegion(parameters)
        if let error = RequestValidator.validate(action: action, parameters: parameters) {
            throw error
        }
        return parameters
    }

    /// The executor that tasks calling this client should prefer: the transport's own event loop,
    /// so a request costs no thread hop (`Task(executorPreference:)`); nil means the global executor.
    public var preferredExecutor: (any TaskExecutor)? { transport.preferredExecutor }

    /// Closes the transport's connections; the client must not be used afterwards.
    public func shutdown() async {
        await transport.shutdown()
    }

    func withRegion(_ parameters: [String: String]) -> [String: String] {
        var parameters = parameters
        if parameters["RegionId"] == nil { parameters["RegionId"] = configuration.region }
        return parameters
    }
}
