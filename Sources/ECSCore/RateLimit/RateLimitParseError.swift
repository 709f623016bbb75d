/// A rate text that is neither `N/S` with positive numbers nor `off`.
public struct RateLimitParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rejected text.
    public var text: String
    /// `invalid rate '...': expected N/S (e.g. 1000/60) or off`.
    public var description: String { "invalid rate '\(text)': expected N/S (e.g. 1000/60) or off" }
}
