import Foundation

/// Everything an `ECSClient` needs to know: where, as whom, how to sign, pace, retry, and report.
public struct ClientConfiguration: Sendable {
    /// Receives one line of text (dry-run request, debug line, warning).
    public typealias Sink = @Sendable (String) -> Void

    /// The region: fills `RegionId` when a call omits it and selects the endpoint.
    public var region: String
    /// An endpoint URL that replaces the regional one (e.g. the local emulator).
    public var endpoint: String?
    /// Use the VPC endpoint of the region.
    public var vpc: Bool
    /// Where the access key comes from; resolved once per call.
    public var credentials: any CredentialsProvider
    /// The signature scheme (default ACS3-HMAC-SHA256).
    public var signature: SignatureScheme
    /// Attempts and backoff.
    public var retry: RetryPolicy
    /// Client-side pacing per (access key, action); nil is `off`.
    public var rate: RateLimit?
    /// The longest timeout the client uses (a day); longer ones are cut to it.
    public static let maximumTimeout: TimeInterval = 86_400
    /// Seconds allowed to open a connection.
    public var connectTimeout: TimeInterval
    /// Seconds allowed for one request/response exchange.
    public var readTimeout: TimeInterval
    /// Allow plain `http://` to a non-loopback endpoint.
    public var insecure: Bool
    /// Validate, sign and print mutating requests instead of sending them.
    public var dryRun: Bool
    /// Receives the text of each dry-run request (secrets redacted); nil discards it.
    public var dryRunSink: Sink?
    /// Receives one line per request and per response (`--debug`); nil disables logging.
    public var debugSink: Sink?
    /// Receives warnings (e.g. plain HTTP in use); nil discards them.
    public var warnSink: Sink?
    /// The API version sent with every request.
    public var apiVersion: String

    /// Creates a configuration; every setting but the credentials has the documented default.
    public init(
        credentials: any CredentialsProvider,
        region: String = "cn-hangzhou",
        endpoint: String? = nil,
        vpc: Bool = false,
        signature: SignatureScheme = .v3,
        retry: RetryPolicy = RetryPolicy(),
        rate: RateLimit? = .ecsDefault,
        connectTimeout: TimeInterval = 5,
        readTimeout: TimeInterval = 10,
        insecure: Bool = false,
        dryRun: Bool = false,
        dryRunSink: Sink? = nil,
        debugSink: Sink? = nil,
        warnSink: Sink? = nil,
        apiVersion: String = "2014-05-26"
    ) {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
        self.vpc = vpc
        self.signature = signature
        self.retry = retry
        self.rate = rate
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.insecure = insecure
        self.dryRun = dryRun
        self.dryRunSink = dryRunSink
        self.debugSink = debugSink
        self.warnSink = warnSink
        self.apiVersion = apiVersion
    }

    /// Whether an action changes state; dry run intercepts these (everything but Describe/List/Get/Query).
    public static func isMutating(action: String) -> Bool {
        !["Describe", "List", "Get", "Query"].contains { action.hasPrefix($0) }
    }

    /// The image changes that do no harm when applied twice: they set attributes or permissions to given
    /// values, and ECS ignores a DeleteImage of an image that no longer exists.
    public static let idempotentChanges: Set<String> = ["ModifyImageAttribute", "ModifyImageSharePermission", "DeleteImage"]

    /// Whether sending the request twice does no harm: a read, a known idempotent change, or a change
    /// carrying a `ClientToken` (ECS applies one token once). Other changes (CopyImage, CreateImage through
    /// `call`) are not sent again after a failure the server may have acted on.
    public static func isIdempotent(action: String, parameters: [String: String]) -> Bool {
        !isMutating(action: action) || idempotentChanges.contains(action) || !(parameters["ClientToken"] ?? "").isEmpty
    }
}
