import Foundation

/// The parts of an endpoint URL the pipeline needs: scheme, the `Host` value and the origin.
struct ResolvedEndpoint: Sendable, Equatable {
    /// `https` or `http`.
    let scheme: String
    /// The host as sent in the `Host` header, with `:port` when the URL names one.
    let host: String
    /// Whether the host is 127.0.0.0/8, ::1 or localhost.
    let isLoopback: Bool
    /// `scheme://host[:port]`, without a trailing slash.
    let origin: String

    /// Splits `url`; nil when it has no host.
    init?(url: URL) {
        guard let scheme = url.scheme?.lowercased(), let rawHost = url.host, !rawHost.isEmpty else { return nil }
        let bare = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let hostPart = bare.contains(":") ? "[\(bare)]" : bare
        self.scheme = scheme
        self.host = url.port.map { "\(hostPart):\($0)" } ?? hostPart
        self.isLoopback = bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
        self.origin = "\(scheme)://\(host)"
    }
}
