/// A rate text that is neither `N/S` with positive numbers nor `off`.
public struct RateLimitParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rejected text.
    public var text: String
    /// `invalid rate '...': expected N/S (e.g. 1000/60; N from 1 to 1000000000, S from 0.001 to 86400 seconds) or off`.
    public var description: String {
        "invalid rate '\(text)': expected N/S (e.g. 1000/60; \(RateLimit.bounds)) or off"
    }
}
