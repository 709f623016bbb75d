import Foundation

/// A rate `N/S`: a token bucket that holds at most N tokens, starts full and refills N/S per second.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// N, the bucket capacity and the number of requests allowed per period.
    public var tokens: Int
    /// S, the period in seconds.
    public var seconds: Double

    /// Creates a rate; `tokens` and `seconds` must be positive (`parse` checks user input).
    public init(tokens: Int, seconds: Double) {
        precondition(tokens > 0 && seconds > 0, "a rate needs positive N and S")
        self.tokens = tokens
        self.seconds = seconds
    }

    /// The documented flow control of ModifyImageAttribute: 1000 requests per 60 s.
    public static let ecsDefault = RateLimit(tokens: 1000, seconds: 60)

    /// Tokens added per second, N/S.
    public var refillPerSecond: Double { Double(tokens) / seconds }

    /// `N/S`, as accepted by `parse`.
    public var description: String {
        seconds.rounded() == seconds ? "\(tokens)/\(Int(seconds))" : "\(tokens)/\(seconds)"
    }

    /// Parses `N/S` (e.g. `1000/60`, `5/0.5`); `off` means no limit (nil); anything else throws.
    public static func parse(_ text: String) throws -> RateLimit? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "off" { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let tokens = Int(parts[0].trimmingCharacters(in: .whitespaces)), tokens > 0,
            let seconds = Double(parts[1].trimmingCharacters(in: .whitespaces)), seconds > 0, seconds.isFinite
        else {
            throw RateLimitParseError(text: text)
        }
        return RateLimit(tokens: tokens, seconds: seconds)
    }
}
