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

    /// The largest N `parse` accepts.
    public static let maximumTokens = 1_000_000_000
    /// The range of S `parse` accepts, in seconds: a millisecond to a day (beyond it, waits overflow).
    public static let periodRange: ClosedRange<Double> = 0.001...86_400
    /// The bounds of `parse` in words, for the messages that refuse a rate.
    public static let bounds = "N from 1 to \(maximumTokens), S from \(periodRange.lowerBound) to \(Int(periodRange.upperBound)) seconds"

    /// The documented flow control of ModifyImageAttribute: 1000 requests per 60 s.
    public static let ecsDefault = RateLimit(tokens: 1000, seconds: 60)

    /// Tokens added per second, N/S.
    public var refillPerSecond: Double { Double(tokens) / seconds }

    /// `N/S`, as accepted by `parse`.
    public var description: String {
        seconds.rounded() == seconds ? "\(tokens)/\(Int(seconds))" : "\(tokens)/\(seconds)"
    }

    /// Parses `N/S` (e.g. `1000/60`, `5/0.5`; N from 1 to 10^9, S from 0.001 to 86400); `off` means no limit
    /// (nil); anything else throws.
    public static func parse(_ text: String) throws -> RateLimit? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "off" { return nil }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let tokens = Int(parts[0].trimmingCharacters(in: .whitespaces)), (1...maximumTokens).contains(tokens),
            let seconds = Double(parts[1].trimmingCharacters(in: .whitespaces)), periodRange.contains(seconds)
        else {
            throw RateLimitParseError(text: text)
        }
        return RateLimit(tokens: tokens, seconds: seconds)
    }
}
