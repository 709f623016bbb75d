import Foundation

/// The client's endpoint, resolved on first use and kept: the configuration it comes from never
/// changes, and parsing a URL per request costs more than signing it. Failures are not kept.
final class EndpointCache: @unchecked Sendable {
    private let lock = NSLock()
    private var resolved: ResolvedEndpoint?

    /// The cached endpoint, or the one `resolve` returns now (cached when it succeeds).
    func endpoint(_ resolve: () throws -> ResolvedEndpoint) rethrows -> ResolvedEndpoint {
        lock.lock()
        let cached = resolved
        lock.unlock()
        if let cached { return cached }
        let fresh = try resolve()
        lock.lock()
        resolved = fresh
        lock.unlock()
        return fresh
    }
}
