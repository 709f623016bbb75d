/// Why an endpoint URL was refused.
public enum EndpointError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Plain `http://` to a host that is not loopback, without `--insecure`.
    case insecure(url: String)
    /// The override is not a usable `http(s)://host[:port]` URL.
    case invalidURL(url: String, reason: String)
    /// The region ID cannot form a host name (empty, or characters other than `a-z`, `0-9`, `-`).
    case invalidRegion(String)

    /// A one-line message fit for a terminal.
    public var description: String {
        switch self {
        case .insecure(let url):
            return "refusing plain http to non-loopback endpoint \(url); use https or pass --insecure"
        case .invalidURL(let url, let reason):
            return "invalid endpoint '\(url)': \(reason)"
        case .invalidRegion(let region):
            return "invalid region ID '\(region)': expected lower-case letters, digits and '-' (e.g. cn-hangzhou)"
        }
    }
}
