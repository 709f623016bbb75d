/// A failure on the client's side of the wire: no answer, an unreadable answer, or a refused set-up.
public enum ECSClientError: ECSError, Equatable {
    /// The connection failed or broke (refused, reset, DNS, TLS); the text says how.
    case transport(String)
    /// No complete answer arrived within the read timeout.
    case timeout
    /// The answer could not be decoded; the text says what was wrong.
    case decoding(String)
    /// No credentials could be found; the text lists where the client looked.
    case noCredentials(String)
    /// The endpoint is plain `http://` to a non-loopback host and `--insecure` was not given.
    case insecureEndpoint(String)
    /// The call was cancelled (Ctrl-C, task cancellation).
    case cancelled

    /// The code shown first in messages, in the style of the service's codes.
    public var code: String {
        switch self {
        case .transport: return "Client.Transport"
        case .timeout: return "Client.Timeout"
        case .decoding: return "Client.Decoding"
        case .noCredentials: return "Client.NoCredentials"
        case .insecureEndpoint: return "Client.InsecureEndpoint"
        case .cancelled: return "Client.Cancelled"
        }
    }

    /// The human-readable detail without the code.
    public var message: String {
        switch self {
        case .transport(let detail): return "transport failure: \(detail)"
        case .timeout: return "no response within the read timeout"
        case .decoding(let detail): return "cannot decode the response: \(detail)"
        case .noCredentials(let detail): return "no credentials: \(detail)"
        case .insecureEndpoint(let detail): return "refusing plain HTTP: \(detail) (use --insecure to allow it)"
        case .cancelled: return "cancelled"
        }
    }

    /// True for transport failures and timeouts.
    public var retryable: Bool { RetryClassification.isRetryable(self) }

    /// `Client.Timeout: no response within the read timeout`.
    public var description: String { "\(code): \(message)" }
}

extension ECSClientError {
    /// How a transport failure begins when no connection was made: nothing reached the server.
    public static let cannotConnect = "cannot connect: "

    /// Whether the request certainly never reached the server (refused, unreachable, unresolved, connect timeout).
    public var isConnectFailure: Bool {
        if case .transport(let text) = self { return text.hasPrefix(Self.cannotConnect) }
        return false
    }
}
